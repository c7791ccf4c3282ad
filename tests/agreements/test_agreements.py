"""Agreement files: the bundled set, every kind of bad file with its file and line, and the
`ceasefire agreements` commands (list, show, validate, --agreements DIR)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ceasefire.agreements import AgreementError, check_text, load_agreements
from ceasefire.cli import cli

GOOD = """\
id = "my-truce"
name = "A local truce"
kind = "truce"
announced = 2019-05-01
start = 2019-05-02
end = 2019-05-04

[[extensions]]
date = 2019-05-04
new_end = 2019-05-10
source = "https://example.org/extended"

[[sides]]
name = "government"
actors = ["SYR_MIL"]
commit_by = 2019-05-01

[[sides]]
name = "opposition"
actors = ["SYR_OPP"]

[area]
countries = ["SYR"]
polygon = '{"type": "Polygon", "coordinates": [[[36.0, 35.0], [37.0, 35.0], [37.0, 36.0], [36.0, 36.0], [36.0, 35.0]]]}'
"""

BUNDLED_IDS = {
    "syria-coh-2016",
    "syria-ceasefire-2016-09",
    "aleppo-pauses-2016-10",
    "syria-nationwide-2016-12",
    "astana-deescalation-2017",
    "minsk-ii-2015",
    "stockholm-hodeidah-2018",
    "idlib-protocol-2020",
}


def test_the_bundled_agreements_load_with_their_facts() -> None:
    found = load_agreements()
    assert BUNDLED_IDS <= set(found)
    coh = found["syria-coh-2016"]
    assert str(coh.start) == "2016-02-27" and coh.end is None
    assert set(coh.excluded) == {"ISIS", "NUSRA"}
    assert {s.name for s in coh.sides} >= {"government", "opposition"}
    assert all(str(s.commit_by) == "2016-02-26" for s in coh.sides)
    sept = found["syria-ceasefire-2016-09"]
    assert str(sept.last_day) == "2016-09-19" and len(sept.extensions) == 2
    assert [p.describe() for p in coh.prohibited] == ["ASSAULT", "lethal COERCE"]


def test_a_good_file_reads_with_its_polygon() -> None:
    c = check_text(GOOD, "my.toml")
    assert c.problems == [] and c.agreement is not None
    a = c.agreement
    assert str(a.last_day) == "2019-05-10"
    assert a.area.polygon.contains(__import__("shapely").Point(36.5, 35.5))


def _one_problem(text: str) -> tuple[int, str]:
    c = check_text(text, "bad.toml")
    assert c.agreement is None, "a file with a problem yields no agreement"
    assert c.problems, "the problem is reported"
    return c.problems[0].line, c.problems[0].reason


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize(
    ("old", "new", "at", "says"),
    [
        (
            'actors = ["SYR_OPP"]',
            'actors = ["SYR_OPP", "NO_SUCH_GROUP"]',
            "NO_SUCH_GROUP",
            "unknown actor id",
        ),
        ("end = 2019-05-04", "end = 2019-04-30", "end = ", "before start"),
        ("new_end = 2019-05-10", "new_end = 2019-05-03", "new_end", "overlaps"),
        ("[36.0, 36.0], [36.0, 35.0]", "[37.0, 34.0], [36.0, 35.0]", "polygon", "invalid"),
        ('kind = "truce"', 'kind = "truce"\ncolour = "blue"', "colour", "unknown key"),
        ("start = 2019-05-02", 'start = "May 2"', "start = ", "must be a date"),
        ('countries = ["SYR"]', 'countries = ["Syria"]', "countries", "ISO-3"),
        ('name = "A local truce"', 'name = "A local truce', "name = ", "not valid TOML"),
        ('kind = "truce"', 'kind = "armistice"', "kind = ", "not one of"),
        ("[area]", '[[prohibited]]\ntype = "SHELLING"\n\n[area]', "SHELLING", "not one of"),
    ],
)
def test_a_bad_file_gets_its_line_and_reason(old: str, new: str, at: str, says: str) -> None:
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    line, reason = _one_problem(text)
    assert says in reason
    assert line == _line_of(text, at), f"reported at line {line}: {reason}"


def test_a_second_extension_that_overlaps_the_first() -> None:
    text = GOOD + "\n[[extensions]]\ndate = 2019-05-09\nnew_end = 2019-05-08\n"
    line, reason = _one_problem(text)
    assert "extensions[1] overlaps" in reason
    assert line == len(text.splitlines())


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


def test_a_folder_with_one_bad_file_loads_nothing(tmp_path: Path) -> None:
    own = tmp_path / "own"
    _write(own, "good.toml", GOOD)
    _write(own, "bad.toml", GOOD.replace("my-truce", "other").replace('"SYR_OPP"', '"NOBODY"'))
    with pytest.raises(AgreementError) as err:
        load_agreements([own])
    assert "bad.toml:" in str(err.value) and "NOBODY" in str(err.value)
    result = CliRunner().invoke(cli, ["agreements", "--agreements", str(own), "list", "--format", "json"])
    assert result.exit_code == 1
    assert result.stdout == "", "nothing is listed when a file is bad"
    assert "bad.toml:" in result.stderr and "unknown actor id 'NOBODY'" in result.stderr


def test_the_list_adds_a_users_folder_and_show_prints_it(tmp_path: Path) -> None:
    own = tmp_path / "own"
    _write(own, "mine.toml", GOOD)
    result = CliRunner().invoke(cli, ["agreements", "list", "--agreements", str(own), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["id"] for r in rows} == BUNDLED_IDS | {"my-truce"}
    mine = next(r for r in rows if r["id"] == "my-truce")
    assert mine["bundled"] is False and mine["last_day"] == "2019-05-10"
    shown = CliRunner().invoke(cli, ["agreements", "--agreements", str(own), "show", "MY-TRUCE"])
    assert shown.exit_code == 0, shown.output
    assert "extended on 2019-05-04 to 2019-05-10" in shown.stdout
    assert "Syrian armed opposition [SYR_OPP]" in shown.stdout
    as_json = CliRunner().invoke(cli, ["agreements", "show", "syria-coh-2016", "--format", "json"])
    assert json.loads(as_json.stdout)["excluded"] == ["ISIS", "NUSRA"]


def test_show_of_an_unknown_id_exits_1_with_a_hint() -> None:
    result = CliRunner().invoke(cli, ["agreements", "show", "syria-coh"])
    assert result.exit_code == 1
    assert "no agreement 'syria-coh'" in result.stderr and "syria-coh-2016" in result.stderr


def test_validate_prints_every_problem_with_its_line(tmp_path: Path) -> None:
    good = _write(tmp_path, "good.toml", GOOD)
    text = GOOD.replace("my-truce", "two").replace("end = 2019-05-04", "end = 2019-04-01")
    text = text.replace('"SYR_OPP"', '"NOBODY"')
    bad = _write(tmp_path, "bad.toml", text)
    taken = _write(tmp_path, "taken.toml", GOOD.replace("my-truce", "syria-coh-2016"))
    result = CliRunner().invoke(cli, ["agreements", "validate", str(good), str(bad), str(taken)])
    assert result.exit_code == 1
    assert f"ok {good}: my-truce" in result.stdout
    assert f"{bad}:{_line_of(text, 'end = ')}: end 2019-04-01 is before start" in result.stdout
    assert f"{bad}:{_line_of(text, 'NOBODY')}: unknown actor id 'NOBODY'" in result.stdout
    assert f"{taken}:1: id 'syria-coh-2016' is already used" in result.stdout
    assert "3 problems" in result.stderr
    ok = CliRunner().invoke(cli, ["agreements", "validate", str(good)])
    assert ok.exit_code == 0, ok.output


def test_a_missing_folder_or_one_without_files_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["agreements", "--agreements", str(tmp_path / "nope")])
    assert result.exit_code == 1 and "no such file or folder" in result.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(cli, ["agreements", "--agreements", str(empty)])
    assert result.exit_code == 1 and "holds no .toml agreement file" in result.stderr
