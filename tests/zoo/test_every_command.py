"""Every CLI command with bad values: a one-line message and a documented exit code, never a
traceback.

The commands and their parameters are read from the click group itself, so a new command or
option is covered as soon as it exists. Each bad value is derived from the parameter's type
(out of range, not a number, NaN, an unknown choice, an impossible date, a missing or
non-database file, an unwritable output) and run in-process through ``cli.main``, the code
path of the installed ``ceasefire`` script: an exception other than SystemExit is what would
print a traceback. `serve` runs in a subprocess instead, so that a bad value let through
would show as a server that starts rather than a test that hangs.

Exit codes (ceasefire.cli): 1 a name not in the database; 2 a bad option value; 3 no input
could be read; 4 the database or an output file cannot be used.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from ceasefire.cli import cli

from .conftest import CLI, REPO, free_port, story

HUGE = "99999999999999999999999"
DATES = ("2019-02-30", "2019-13", "yesterday")


def _commands() -> list[str]:
    return sorted(cli.commands)


def _numbers(t: click.ParamType) -> list[tuple[str, int]]:
    """Bad values of a numeric type, each with the exit code it must give (2)."""
    bad = ["abc", ""]
    if isinstance(t, click.IntRange | click.FloatRange):
        if t.min is not None:
            bad.append(str(t.min if t.min_open else t.min - 1))
        bad.append(str(t.max * 10 + 1) if t.max is not None else HUGE)
        bad.append("-" + HUGE)
    elif t in (click.INT, click.FLOAT):
        bad += [HUGE, "-" + HUGE]
    if isinstance(t, click.FloatRange) or t is click.FLOAT:
        bad += ["nan", "inf", "1e400"]
    return [(v, 2) for v in bad]


WRITERS = ("ingest", "run")  # commands that create the store when there is none


def bad_values(
    command: str, param: click.Parameter, files: dict[str, Path]
) -> list[tuple[str, tuple[int, ...]]]:
    """(value, exit codes allowed) for one parameter; [] for a flag or free text nothing checks."""
    t = param.type
    name = _arg_name(param)
    if isinstance(param, click.Option) and param.is_flag:
        return []
    if name == "db":
        kinds = (
            ("passwd", "folder", "not_ceasefire")
            if command in WRITERS
            else ("missing", "passwd", "empty", "folder", "not_ceasefire")
        )
        bad = [(str(files[k]), (4,)) for k in kinds]
        return bad + [(str(files["missing"] / "x" / "y.db"), (4,))]
    if name in ("paths",):
        return [(str(files["missing"]), (3,)), (str(files["empty_folder"]), (3,))]
    if name in ("out", "report_path"):
        return [(str(files["folder"]), (2, 4)), (str(files["missing"] / "x" / "y.out"), (4,))]
    if name == "run_dir":
        return [(str(files["passwd"]), (2,))]
    if name in ("since", "until"):
        return [(v, (2,)) for v in DATES]
    if name in ("type_",):
        return [("FOO", (2,)), ("assault,,BOGUS", (2,))]
    if name == "scheduler":
        return [("not an address", (2,)), ("tcp://host:port", (2,))]
    if isinstance(t, click.Choice):
        return [("bogus-format", (2,))]
    if isinstance(t, click.IntRange | click.FloatRange) or t in (click.INT, click.FLOAT):
        return [(v, (code,)) for v, code in _numbers(t)]
    if name in ("actor", "claimant", "outlet", "name_arg"):
        return [("No Such Actor Anywhere", (1,))]
    if name in ("text", "query"):
        return [("a " * 150, (2,))]
    if name == "host":
        return [("no-such-host.invalid", (4,)), ("999.1.1.1", (4,))]
    if name == "model":
        return [("no_such_spacy_model", (4,))]
    if command == "serve":
        return []  # any other value of serve's (an --allow-host name) is a server that starts
    return [("x" * 20_000, (0, 1, 2, 3))]  # free text: whatever it gives, no traceback


def _arg_name(param: click.Parameter) -> str:
    """The parameter's name; the actor command's NAME argument is told apart from --name."""
    return "name_arg" if isinstance(param, click.Argument) and param.name == "name" else param.name or ""


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, query_db: Path) -> dict[str, Path]:
    import sqlite3

    root = tmp_path_factory.mktemp("zoo-every")
    (root / "folder").mkdir()
    (root / "empty_folder").mkdir()
    (root / "empty.db").write_bytes(b"")
    shutil.copy("/etc/passwd", root / "passwd")
    other = sqlite3.connect(root / "other.db")
    other.execute("CREATE TABLE notes (body TEXT)")
    other.commit()
    other.close()
    (root / "good.txt").write_text(story(1), encoding="utf-8")
    db = root / "good.db"
    shutil.copy(query_db, db)
    return {
        "missing": root / "missing",
        "passwd": root / "passwd",
        "empty": root / "empty.db",
        "folder": root / "folder",
        "empty_folder": root / "empty_folder",
        "not_ceasefire": root / "other.db",
        "good_txt": root / "good.txt",
        "db": db,
        "root": root,
    }


def _valid(command: str, param: click.Parameter, files: dict[str, Path]) -> list[str]:
    """Arguments giving ``param`` a good value (so that only the bad one under test is wrong)."""
    name = _arg_name(param)
    opt = param.opts[0] if isinstance(param, click.Option) else None
    root = files["root"]
    value = {
        "paths": [str(files["good_txt"])],
        "name_arg": ["Islamic State"],
        "db": [
            opt or "",
            str(files["db"] if command != "ingest" and command != "run" else root / f"{command}.db"),
        ],
        "fmt": [opt or "", "csv"],
        "out": [opt or "", str(root / f"{command}.out")],
        "report_path": [opt or "", str(root / "run-report.html")],
        "port": [opt or "", str(free_port())],
    }.get(name)
    if value is None:
        return []
    return [v for v in value if v]


def _cases() -> list[Any]:
    out = []
    for command in _commands():
        for param in cli.commands[command].params:
            if param.name in ("help",):
                continue
            out.append(pytest.param(command, param.name, id=f"{command}-{param.name}"))
    return out


def _needed(command: click.Command, files: dict[str, Path], but: str) -> list[str]:
    """Good values for the parameters a run of ``command`` needs, except ``but``."""
    argv: list[str] = []
    for p in command.params:
        if p.name == but:
            continue
        if p.required or p.name in ("paths", "db", "out", "report_path", "port"):
            argv += _valid(command.name or "", p, files)
    if but != "model" and any(p.name == "no_nlp" for p in command.params):
        argv.append("--no-nlp")  # a value let through must not cost a model load
    return argv


def _invoke_all(command: str, argvs: list[list[str]]) -> list[tuple[int, str]]:
    """(exit code, output) of each run; `serve`'s runs are subprocesses, all at once."""
    if command == "serve":  # a server started by mistake must not hang the test
        procs = [
            subprocess.Popen(
                [*CLI, command, *argv], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=REPO
            )
            for argv in argvs
        ]
        out = []
        for argv, proc in zip(argvs, procs, strict=True):
            try:
                text = proc.communicate(timeout=60)[0]
            except subprocess.TimeoutExpired:
                for p in procs:
                    p.kill()
                pytest.fail(f"ceasefire serve {argv} started serving instead of refusing")
            out.append((proc.returncode, text))
        return out
    return [_invoke(command, argv) for argv in argvs]


def _invoke(command: str, argv: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [command, *argv], catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        tb = "".join(traceback.format_exception(result.exception))
        pytest.fail(f"ceasefire {command} {argv} raised (a traceback for the user):\n{tb}")
    return result.exit_code, result.stderr + result.stdout


@pytest.mark.parametrize(("command", "param_name"), _cases())
def test_every_parameter_of_every_command_refuses_bad_values(
    command: str, param_name: str, files: dict[str, Path]
) -> None:
    cmd = cli.commands[command]
    param = next(p for p in cmd.params if p.name == param_name)
    values = bad_values(command, param, files)
    if not values:
        pytest.skip(f"{param_name}: a flag, or a value serve would start with: nothing to get wrong")
    base = _needed(cmd, files, param_name)
    argvs = [
        [*base, v] if isinstance(param, click.Argument) else [*base, param.opts[-1], v] for v, _ in values
    ]
    for argv, (_, codes), (code, output) in zip(argvs, values, _invoke_all(command, argvs), strict=True):
        shown = f"ceasefire {command} {' '.join(a[:60] for a in argv)} -> {code}: {output[-600:]}"
        assert "Traceback" not in output, shown
        assert code in codes, shown
        if code != 0:
            lines = [line for line in output.splitlines() if line.lower().startswith("error")]
            assert len(lines) == 1, f"one line saying why: {shown}"


def test_every_command_is_covered() -> None:
    """The enumeration finds the commands a user has (a new one joins by itself)."""
    assert {"extract", "ingest", "run", "events", "quotes", "actors", "actor", "articles"} <= set(_commands())
    assert {"export", "report", "serve"} <= set(_commands())
