"""`ceasefire agreements` (list, show, validate): the agreements the ledger counts violations of."""

from __future__ import annotations

import dataclasses
import functools
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click


def _echo(line: str) -> None:
    from .cli import _echo as echo  # imported when used: cli.py imports this module at its end

    echo(line)


def _emit_rows(*args: Any) -> int:
    from .cli import _emit_rows as emit

    return emit(*args)


AGREEMENT_COLUMNS = ["id", "kind", "start", "last_day", "sides", "name"]


@dataclasses.dataclass
class AgreementRow:
    """One agreement of `ceasefire agreements list`."""

    id: str
    name: str
    kind: str
    announced: str | None
    start: str
    last_day: str | None
    sides: list[str]
    excluded: list[str]
    path: str | None
    bundled: bool
    violations: int | None = None  # with --db: alleged violations in that store
    possibly: int | None = None  # of which possibly within


def _exists(p: Path) -> bool:
    try:
        return p.exists()
    except OSError:  # a name too long for the file system, a loop: nothing there to read
        return False


def user_folders(values: tuple[str, ...]) -> list[Path]:
    """--agreements values as paths; one that is not there is reported by the loader with its name."""
    return [Path(v) for v in values]


def agreements_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--agreements DIR (repeatable): the user's own agreement files, added to the bundled ones."""

    @click.option(
        "--agreements",
        "agreement_dirs",
        multiple=True,
        metavar="DIR",
        help="A folder of agreement files (*.toml, docs/AGREEMENTS.md) or one file, added to the "
        "bundled agreements (repeatable). Any problem in any file stops the command.",
    )
    @functools.wraps(fn)
    def wrapper(*args: Any, agreement_dirs: tuple[str, ...], **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        inherited = ctx.parent.params.get("agreement_dirs", ()) if ctx.parent else ()
        return fn(*args, agreement_dirs=tuple(inherited) + agreement_dirs, **kwargs)

    return wrapper


def load(agreement_dirs: tuple[str, ...]) -> dict[str, Any]:
    """The bundled agreements and the user's; AgreementError (exit 1, file:line: reason) on a problem."""
    from .agreements import load_agreements

    paths = user_folders(agreement_dirs)
    for p in paths:
        if not _exists(p):
            from .agreements import AgreementError, Problem

            raise AgreementError([Problem(str(p)[:200], 0, "no such file or folder")])
    return load_agreements(paths)


def find(agreements: dict[str, Any], ident: str) -> Any:
    """The agreement ``ident`` names (its id, any case), or exit 1 naming the known ids."""
    from .cli import NotFound

    key = ident.strip().lower()
    if key in agreements:
        return agreements[key]
    near = [i for i in agreements if key and (key in i or i in key)]
    hint = f"; did you mean {' or '.join(near[:3])}?" if near else ""
    raise NotFound(f"no agreement {ident[:80]!r}{hint} (`ceasefire agreements list` lists them)")


def _rows(agreements: dict[str, Any]) -> list[AgreementRow]:
    return [
        AgreementRow(
            id=a.id,
            name=a.name,
            kind=a.kind,
            announced=a.announced.isoformat() if a.announced else None,
            start=a.start.isoformat(),
            last_day=a.last_day.isoformat() if a.last_day else "open",
            sides=[s.name for s in a.sides],
            excluded=list(a.excluded),
            path=a.path,
            bundled=a.bundled,
        )
        for a in sorted(agreements.values(), key=lambda a: (a.start, a.id))
    ]


fmt_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"], case_sensitive=False),
    default="table",
    show_default=True,
    help="table, json (JSON Lines) or csv.",
)


@click.group(invoke_without_command=True)
@agreements_option
@fmt_option
@click.option(
    "--suggest",
    is_flag=True,
    help="Print the truces announced, extended or ended in the articles of --db as ready-to-edit "
    "agreement files (TOML), each with the sentence and the source it comes from.",
)
@click.option(
    "--db",
    default=lambda: os.environ.get("CEASEFIRE_DB", "ceasefire.db"),
    show_default="ceasefire.db or $CEASEFIRE_DB",
    help="SQLite file or postgresql:// URL: with --suggest, where to look; else the list counts "
    "each agreement's alleged violations in it.",
)
@click.pass_context
def agreements(ctx: click.Context, agreement_dirs: tuple[str, ...], fmt: str, suggest: bool, db: str) -> None:
    """Ceasefire agreements as data: list, show and validate them.

    Eight agreements are bundled (ceasefire/agreements/data); --agreements DIR
    adds your own files in the same schema (docs/AGREEMENTS.md). With no
    subcommand, the agreements are listed.

    \b
    Example:
      ceasefire agreements list
      ceasefire agreements show syria-coh-2016
      ceasefire agreements validate my-truce.toml
      ceasefire agreements --agreements ./truces list
      ceasefire agreements --db ceasefire.db          # with violation counts
      ceasefire agreements --suggest --db ceasefire.db > found.toml
    """
    from click.core import ParameterSource

    if suggest and ctx.invoked_subcommand is not None:
        raise click.UsageError("--suggest takes no subcommand: ceasefire agreements --suggest --db DB")
    if ctx.invoked_subcommand is not None:
        return
    found = load(agreement_dirs)
    if suggest:
        _suggest(db, found)
        return
    rows = _rows(found)
    columns = AGREEMENT_COLUMNS
    if ctx.get_parameter_source("db") is not ParameterSource.DEFAULT:
        from .cli import _open_existing
        from .ledger import build_ledger

        with _open_existing(db) as store:
            for r in rows:
                book = build_ledger(store, found[r.id], found)
                r.violations = len(book.violations)
                r.possibly = sum(v.within != "within" for v in book.violations)
        columns = [*AGREEMENT_COLUMNS[:-1], "violations", "possibly", "name"]
    _emit_rows(rows, fmt, columns, AgreementRow, "agreements")


def _suggest(db: str, found: dict[str, Any]) -> None:
    from .agreements.suggest import find as find_truces
    from .agreements.suggest import render
    from .cli import _open_existing
    from .nlp import load_model

    with _open_existing(db) as store:
        findings = find_truces(store, load_model())
    if not findings:
        click.echo("no truce announced, extended or ended in this database's articles", err=True)
        return
    click.echo(render(findings, found), nl=False)
    n = sum(f.action == "announced" for f in findings)
    click.echo(f"{n} announcements and {len(findings) - n} extensions or ends found", err=True)


@agreements.command("list")
@agreements_option
@fmt_option
def list_(agreement_dirs: tuple[str, ...], fmt: str) -> None:
    """List the agreements, oldest first."""
    _emit_rows(_rows(load(agreement_dirs)), fmt, AGREEMENT_COLUMNS, AgreementRow, "agreements")


@agreements.command()
@click.argument("ident", metavar="ID")
@agreements_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"], case_sensitive=False),
    default="text",
    show_default=True,
)
def show(ident: str, agreement_dirs: tuple[str, ...], fmt: str) -> None:
    """Show one agreement: period, extensions, sides, exclusions, area, prohibited acts, sources."""
    a = find(load(agreement_dirs), ident)
    if fmt == "json":
        click.echo(json.dumps(a.to_json(), ensure_ascii=False))
        return
    for line in describe(a):
        _echo(line)


def describe(a: Any) -> list[str]:
    """The agreement as lines of text for a person."""
    from .actors.dictionary import get_dictionary

    names = get_dictionary()

    def who(ids: tuple[str, ...]) -> str:
        return ", ".join(f"{names.get(i).name} [{i}]" for i in ids) or "-"  # type: ignore[union-attr]

    out = [f"{a.name} [{a.id}]", f"kind: {a.kind.replace('_', ' ')}"]
    if a.announced:
        out.append(f"announced: {a.announced}")
    out.append(f"in force: {a.start} to {a.end or 'open'}")
    for x in a.extensions:
        out.append(
            f"  extended on {x.date} to {x.new_end or 'open'}" + (f" ({x.source})" if x.source else "")
        )
    if a.end_reason:
        out.append(f"ended: {a.end_reason}")
    if a.superseded_by:
        out.append(f"superseded by: {a.superseded_by}")
    for s in a.sides:
        by = f" (to commit by {s.commit_by})" if s.commit_by else ""
        out.append(f"side {s.name}{by}: {who(s.actors)}")
    out.append(f"excluded: {who(a.excluded)}")
    out.append(f"guarantors: {who(a.guarantors)}")
    out.append(f"monitors: {who(a.monitors)}")
    out.append(f"area: {a.area.describe()}")
    out.append("prohibited: " + ", ".join(p.describe() for p in a.prohibited))
    out += [f"source: {s}" for s in a.sources]
    if a.notes:
        out.append(f"notes: {a.notes}")
    out.append(f"file: {a.path}")
    return out


@agreements.command()
@click.argument("files", nargs=-1)
@agreements_option
def validate(files: tuple[str, ...], agreement_dirs: tuple[str, ...]) -> None:
    """Check agreement files (folders: their *.toml files); with none, the bundled ones and
    --agreements. Each problem is printed as FILE:LINE: reason; exit 1 when there is any.

    \b
    Example:
      ceasefire agreements validate my-truce.toml other-truces/
    """
    from .agreements import BUNDLED, check_file, files_of
    from .agreements.load import check_all

    named = [Path(f) for f in files] if files else [BUNDLED, *user_folders(agreement_dirs)]
    missing = [p for p in named if not _exists(p)]
    found = files_of([p for p in named if p not in missing])
    checked = [check_file(p, bundled=p.parent == BUNDLED) for p in found]
    # the bundled files too, so that an id already taken or a superseded_by naming a bundled
    # agreement is judged as the ledger will judge it
    bundled = [p for p in files_of([BUNDLED]) if p.resolve() not in {q.resolve() for q in found}]
    problems = check_all([*(check_file(p, bundled=True) for p in bundled), *checked])
    failed = {p.path for p in problems}
    for c in checked:
        if c.agreement is not None and c.path not in failed:
            _echo(f"ok {c.path}: {c.agreement.id}")
    for p in problems:
        _echo(str(p))
    for p in missing:
        _echo(f"{str(p)[:200]}: no such file or folder")
    if not found and not missing:
        raise click.ClickException("no .toml agreement file in " + ", ".join(str(p)[:200] for p in named))
    bad = len(problems) + len(missing)
    if bad:
        raise click.ClickException(f"{bad} problems in {len(found) + len(missing)} files; nothing was loaded")
