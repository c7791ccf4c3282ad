"""`ceasefire ledger AGREEMENT`: alleged violations of an agreement, each side's claims apart."""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import sys
from typing import Any

import click

from .cli_agreements import _echo, agreements_option, find, load

# The same --db as the other read commands (cli.db_option; cli.py imports this module).
db_option = click.option(
    "--db",
    default=lambda: os.environ.get("CEASEFIRE_DB", "ceasefire.db"),
    show_default="ceasefire.db or $CEASEFIRE_DB",
    help="SQLite file or postgresql:// URL.",
)


def ledgers(store: Any, ident: str | None, agreement_dirs: tuple[str, ...]) -> list[Any]:
    """The ledger of the agreement ``ident`` names, or of every agreement (oldest first)."""
    from .ledger import build_ledger

    found = load(agreement_dirs)
    chosen = [find(found, ident)] if ident else sorted(found.values(), key=lambda a: (a.start, a.id))
    return [build_ledger(store, a, found) for a in chosen]


def check_side(books: list[Any], side: str | None) -> None:
    """--side names a side of the agreement or a reporting side of its ledger (exit 2 otherwise)."""
    if not side:
        return
    known = {s.name for b in books for s in b.agreement.sides} | {
        r for b in books for r in b.reporting_sides()
    }
    known |= {"press and others"}
    if side.lower() not in {k.lower() for k in known}:
        shown = ", ".join(sorted(known))
        raise click.BadParameter(
            f"{side[:80]!r} is not a side or a reporting side here: {shown}", param_hint="--side"
        )


def write_csv(out: Any, books: list[Any], side: str | None) -> int:
    from .ledger.render import LedgerRow, rows

    names = [f.name for f in dataclasses.fields(LedgerRow)]
    w = csv.writer(out, lineterminator="\n")
    w.writerow(names)
    n = 0
    for b in books:
        for r in rows(b, side):
            w.writerow(
                [" ".join(str(v).split()) if isinstance(v, str) else v for v in dataclasses.astuple(r)]
            )
            n += 1
    return n


@click.command()
@click.argument("agreement", required=False)
@db_option
@agreements_option
@click.option(
    "--by",
    type=click.Choice(["day", "week"], case_sensitive=False),
    default="day",
    show_default=True,
    help="Count per day, or per ISO week (by its Monday).",
)
@click.option(
    "--side",
    metavar="SIDE",
    help="Only the claims of one reporting side: a side of the agreement (e.g. opposition), a "
    "monitor's or guarantor's name, or 'press and others'.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"], case_sensitive=False),
    default="table",
    show_default=True,
    help="table (counts, then every violation with its claims), json (one object per agreement) "
    "or csv (one row per violation).",
)
def ledger(
    agreement: str | None, db: str, agreement_dirs: tuple[str, ...], by: str, side: str | None, fmt: str
) -> None:
    """Alleged violations of a ceasefire agreement, counted per day or week by accused side
    and reporting side.

    An event is an alleged violation when its act is prohibited, its date is in
    the agreement's period, its place in its area and its author on one of its
    sides. Dates and places known too coarsely (a month, a country) make it
    "possibly within", counted apart. Acts of excluded groups and strikes on
    them are listed apart, never counted. Each violation keeps every claim
    (claimant, side, casualty figures; never averaged), denials and
    counter-accusations, its number of independent sources and a status:
    alleged, corroborated, confirmed, rejected or denied. With no AGREEMENT,
    the ledger of every agreement (`ceasefire agreements list`).

    \b
    Example:
      ceasefire ledger syria-coh-2016 --by week
      ceasefire ledger syria-coh-2016 --side opposition --format csv > opp.csv
    """
    from .cli import _open_existing, _terminal_width

    with _open_existing(db) as store:
        books = ledgers(store, agreement, agreement_dirs)
    check_side(books, side)
    if fmt == "csv":
        write_csv(sys.stdout, books, side)
        return
    if fmt == "json":
        from .ledger.render import to_json

        for b in books:
            click.echo(json.dumps(to_json(b, by, side), ensure_ascii=False, default=str))
        return
    from .ledger.render import text

    width = _terminal_width() or 100
    shown = [b for b in books if agreement or b.violations or b.excluded_acts or b.on_excluded]
    for i, b in enumerate(shown):
        if i:
            click.echo("")
        for line in text(b, by, side, width):
            _echo(line)
    if not shown:
        click.echo("no agreement has an alleged violation in this database", err=True)
