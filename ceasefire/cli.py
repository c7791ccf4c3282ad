"""The `ceasefire` command line: thin shells over library functions.

Exit codes: 0 all inputs ok; 1 some inputs failed; 2 usage error (bad
option value); 3 no input could be read at all; 4 the database, an output
file, the network address or the spaCy model could not be used.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click

from . import __version__
from .events.lexicon import PLOVER_TYPES
from .export import EventFilter
from .ingest import ReadOptions
from .models import InputError
from .pipeline import DocumentResult, ExtractOptions, RunSummary, process, write_jsonl

log = logging.getLogger("ceasefire")

DEFAULT_DB = "ceasefire.db"
EXAMPLES = Path(__file__).parent / "examples"


def default_db() -> str:
    return os.environ.get("CEASEFIRE_DB", DEFAULT_DB)


def _setup_logging(verbose: bool, quiet: bool) -> None:
    level = logging.DEBUG if verbose else logging.ERROR if quiet else logging.WARNING
    # Libraries (trafilatura, urllib3, ...) speak only at ERROR unless -v: their
    # warnings would interleave with our one-line errors.
    logging.basicConfig(
        level=level if verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    logging.getLogger("ceasefire").setLevel(level)


class EnvironmentProblem(click.ClickException):
    """The database, an output file, the address or the model cannot be used (exit 4)."""

    exit_code = 4


def shown(db: str) -> str:
    """The database as shown to the user: an SQLite path made absolute, a URL without its password."""
    if "://" not in db:
        return str(Path(db).resolve())
    from .store.postgres import redact

    return redact(db)


def open_output(out: str) -> Any:
    """Open an output file for writing, or stop with one line saying why not."""
    if out == "-":
        return sys.stdout
    try:
        return open(out, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise EnvironmentProblem(f"cannot write {out}: {exc.strerror or exc}") from exc


def verbosity(fn: Callable[..., Any]) -> Callable[..., Any]:
    @click.option("-q", "--quiet", is_flag=True, help="Only print errors.")
    @click.option("-v", "--verbose", is_flag=True, help="Print debug logs.")
    @functools.wraps(fn)
    def wrapper(*args: Any, quiet: bool, verbose: bool, **kwargs: Any) -> Any:
        _setup_logging(verbose, quiet)
        return fn(*args, quiet=quiet, **kwargs)

    return wrapper


def reader_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by every command that reads documents."""

    @click.option(
        "--text-field",
        default="text",
        show_default=True,
        help="CSV/JSON Lines column holding the article text.",
    )
    @click.option("--title-field", default="title", show_default=True, help="CSV/JSONL title column.")
    @click.option("--date-field", default="date", show_default=True, help="CSV/JSONL date column.")
    @click.option("--url-field", default="url", show_default=True, help="CSV/JSONL URL column.")
    @click.option(
        "--include",
        multiple=True,
        metavar="GLOB",
        help="In directories, read only files matching GLOB (repeatable; default: files with a "
        "document suffix: .txt .html .htm .warc .arc .jsonl .ndjson .csv .tsv, also .gz).",
    )
    @click.option(
        "--exclude", multiple=True, metavar="GLOB", help="In directories, skip files matching GLOB."
    )
    @click.option(
        "--timeout",
        default=20.0,
        show_default=True,
        type=click.FloatRange(min=0, min_open=True),
        help="Seconds to wait for a URL.",
    )
    @functools.wraps(fn)
    def wrapper(
        *args: Any,
        text_field: str,
        title_field: str,
        date_field: str,
        url_field: str,
        include: tuple[str, ...],
        exclude: tuple[str, ...],
        timeout: float,
        **kwargs: Any,
    ) -> Any:
        read = ReadOptions(
            text_field=text_field,
            title_field=title_field or None,
            date_field=date_field or None,
            url_field=url_field or None,
            include=include,
            exclude=exclude,
            timeout=timeout,
        )
        return fn(*args, read=read, **kwargs)

    return wrapper


class Progress:
    """A progress bar on stderr (documents/s, ETA) shown only on a terminal."""

    def __init__(self, quiet: bool, unit: str = "doc"):
        from tqdm import tqdm

        self.bar = tqdm(
            unit=unit,
            disable=quiet or not sys.stderr.isatty(),
            file=sys.stderr,
            dynamic_ncols=True,
            leave=False,
        )

    def total(self, n: int) -> None:
        self.bar.total = n
        self.bar.refresh()

    def __call__(self, item: DocumentResult | InputError) -> None:
        if isinstance(item, InputError):
            line = f"error: {item.source}: {item.reason}"
            if self.bar.disable:
                click.echo(line, err=True)
            else:
                self.bar.write(line, file=sys.stderr)
        self.bar.update(1)

    def close(self) -> None:
        self.bar.close()


def _finish(summary: RunSummary, quiet: bool) -> None:
    if not quiet:
        click.echo(summary.line(), err=True)
    sys.exit(summary.exit_code)


class Group(click.Group):
    """Turns the library's expected errors into one-line CLI errors (no traceback)."""

    def invoke(self, ctx: click.Context) -> Any:
        from .nlp.runner import ModelNotInstalled
        from .store import StoreError

        try:
            return super().invoke(ctx)
        except (ModelNotInstalled, StoreError) as exc:
            raise EnvironmentProblem(str(exc)) from exc
        except InputError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ceasefire")
def cli() -> None:
    """ceasefire: turn raw news pages about armed conflict into structured,
    source-attributed event data (who did what to whom, where, when, and
    according to whom).

    \b
    Start with:
      ceasefire run                       # the bundled examples into ceasefire.db
      ceasefire extract page.txt --out out.jsonl
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    show_default=True,
    help="JSON Lines output file ('-' = stdout).",
)
@click.option(
    "--no-nlp", is_flag=True, help="Only clean and split articles (no actors/events/quotes/places)."
)
@click.option("--model", default=None, help="spaCy model package (default: en_core_web_sm).")
@reader_options
@verbosity
def extract(
    paths: tuple[str, ...], out: str, no_nlp: bool, model: str | None, read: ReadOptions, quiet: bool
) -> None:
    """Extract articles, actors, events, quotes and places to JSON Lines.

    PATHS are files, directories, URLs or '-' for standard input; no database
    is used. One JSON record per article (see SPEC.md for the fields).

    \b
    Example:
      ceasefire extract ../shared/corpus/seeds/*.txt --out out.jsonl
      ceasefire extract news.csv --text-field content -o out.jsonl
    """
    options = ExtractOptions(read=read, nlp=not no_nlp, model=model)
    fh = open_output(out)
    progress = Progress(quiet)
    try:
        summary = write_jsonl(process(paths, options, on_total=progress.total), fh, on_item=progress)
    finally:
        progress.close()
        if fh is not sys.stdout:
            fh.close()
    _finish(summary, quiet)


def _ingest_cmd(paths: Iterable[str], db: str, options: ExtractOptions, quiet: bool) -> RunSummary:
    from .pipeline import ingest as ingest_documents
    from .store import open_store

    progress = Progress(quiet)
    try:
        with open_store(db) as store:
            return ingest_documents(paths, store, options, on_item=progress, on_total=progress.total)
    finally:
        progress.close()


db_option = click.option(
    "--db",
    default=default_db,
    show_default="ceasefire.db or $CEASEFIRE_DB",
    help="SQLite file or postgresql:// URL.",
)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--no-nlp", is_flag=True, help="Only clean and split articles.")
@reader_options
@verbosity
def ingest(paths: tuple[str, ...], db: str, no_nlp: bool, read: ReadOptions, quiet: bool) -> None:
    """Read documents, extract, and store them in the database.

    Ingesting the same input twice changes nothing; an interrupted run can
    simply be rerun.

    \b
    Example:
      ceasefire ingest ~/news/ --include '*.html' --db news.db
    """
    summary = _ingest_cmd(paths, db, ExtractOptions(read=read, nlp=not no_nlp), quiet)
    _finish(summary, quiet)


@cli.command()
@click.argument("paths", nargs=-1)
@db_option
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Where to write the HTML report (default: next to the database).",
)
@click.option("--no-nlp", is_flag=True, help="Only clean and split articles.")
@reader_options
@verbosity
def run(
    paths: tuple[str, ...], db: str, report_path: str | None, no_nlp: bool, read: ReadOptions, quiet: bool
) -> None:
    """The main job: ingest + extract into the database, write the report, print a summary.

    With no PATH, runs on the bundled example articles. Tells where the
    database and the HTML report are and how to open the web UI.

    \b
    Example:
      ceasefire run                 # bundled examples -> ceasefire.db
      ceasefire run ~/news --db news.db
      ceasefire run feed.csv --text-field content
    """
    from .pipeline import run as run_job

    if report_path:
        open_output(report_path).close()  # fail now, not after the whole ingest
    progress = Progress(quiet)
    try:
        result = run_job(
            list(paths) or [str(EXAMPLES)],
            db,
            ExtractOptions(read=read, nlp=not no_nlp),
            report=Path(report_path) if report_path else None,
            on_item=progress,
            on_total=progress.total,
        )
    except OSError as exc:
        raise EnvironmentProblem(f"cannot write the report: {exc}") from exc
    finally:
        progress.close()
    exe = sys.argv[0] if os.path.sep in sys.argv[0] else "ceasefire"
    where = shown(db)
    click.echo(result.summary.line())
    click.echo(f"database: {where}: " + ", ".join(f"{v} {k}" for k, v in vars(result.stats).items()))
    click.echo(f"report:   {result.report.resolve()}  (open it in a browser; no server needed)")
    click.echo(f"web UI:   {exe} serve --db {where}   then open http://127.0.0.1:8000/")
    click.echo(
        f"more:     {exe} events --db {where}   |   {exe} export --db {where} --format csv -o events.csv"
    )
    sys.exit(result.summary.exit_code)


@cli.command()
@click.argument("query", required=False)
@db_option
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def articles(query: str | None, db: str, limit: int, fmt: str) -> None:
    """List stored articles, or full-text search them with QUERY.

    \b
    Example:
      ceasefire articles                       # latest articles
      ceasefire articles 'Aleppo AND ceasefire' --limit 5
    """
    with _open_existing(db) as store:
        hits = store.search_articles(query, limit=limit) if query else store.list_articles(limit=limit)
    if fmt == "json":
        for h in hits:
            click.echo(json.dumps(vars(h), ensure_ascii=False, default=str))
        return
    for h in hits:
        d = vars(h)
        title = d.get("title") or "(untitled)"
        click.echo(f"{d.get('article_id')}  {d.get('published') or '----------'}  {title}")
        if d.get("snippet"):
            click.echo(f"    {d['snippet']}")


# -- queries over the store -------------------------------------------------------------


def _open_existing(db: str) -> Any:
    from .store import open_store

    if "://" not in db and not Path(db).exists():
        raise EnvironmentProblem(f"no database at {db}; run `ceasefire ingest PATH --db {db}` first")
    return open_store(db)


def _emit_rows(rows: list[Any], fmt: str, columns: list[str]) -> None:
    """Print dataclass rows as an aligned table, JSON Lines or CSV."""
    import csv
    from dataclasses import asdict

    dicts = [asdict(r) for r in rows]
    if fmt == "json":
        for d in dicts:
            click.echo(json.dumps(d, ensure_ascii=False, default=str))
    elif fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=list(dicts[0]) if dicts else columns)
        w.writeheader()
        w.writerows(dicts)
    else:
        if not dicts:
            click.echo("(none)", err=True)
            return

        def cell(v: Any) -> str:
            text = ", ".join(map(str, v)) if isinstance(v, list) else "" if v is None else str(v)
            return " ".join(text.split())

        table = [[cell(d[c]) for c in columns] for d in dicts]
        widths = [min(max(len(c), *(len(r[i]) for r in table)), 60) for i, c in enumerate(columns)]
        click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
        for r in table:
            click.echo("  ".join(v[:w].ljust(w) for v, w in zip(r, widths, strict=True)).rstrip())


format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)


_DATE_PREFIX = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _date_prefix(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    if not _DATE_PREFIX.fullmatch(value):
        raise click.BadParameter(f"{value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        if len(value) == 10:
            dt.date.fromisoformat(value)
        elif len(value) == 7:
            dt.date.fromisoformat(value + "-01")
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a valid date: {exc}") from exc
    return value


def event_filters(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--actor/--type/--since/--until/--place/--limit, passed on as one EventFilter ``flt``."""

    @click.option("--actor", help="Source, target or claimant: id, name or alias.")
    @click.option(
        "--type", "type_", type=click.Choice(PLOVER_TYPES, case_sensitive=False), help="PLOVER event type."
    )
    @click.option(
        "--since", metavar="DATE", callback=_date_prefix, help="From this date (YYYY, YYYY-MM or YYYY-MM-DD)."
    )
    @click.option("--until", metavar="DATE", callback=_date_prefix, help="Up to this date, inclusive.")
    @click.option("--place", help="Location name, admin1 region or ISO-3 country.")
    @click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many rows.")
    @functools.wraps(fn)
    def wrapper(
        *args: Any,
        actor: str | None,
        type_: str | None,
        since: str | None,
        until: str | None,
        place: str | None,
        limit: int | None,
        **kwargs: Any,
    ) -> Any:
        flt = EventFilter(
            actor=actor,
            type=type_.upper() if type_ else None,
            since=since,
            until=until,
            place=place,
            limit=limit,
        )
        return fn(*args, flt=flt, **kwargs)

    return wrapper


def _query_events(store: Any, flt: EventFilter, limit: int | None = None) -> list[Any]:
    return store.query_events(
        actor=flt.actor, type=flt.type, since=flt.since, until=flt.until, place=flt.place, limit=limit
    )


def _narrowed(flt: EventFilter) -> bool:
    return any((flt.type, flt.since, flt.until, flt.place))


@cli.command()
@db_option
@event_filters
@format_option
def events(db: str, flt: EventFilter, fmt: str) -> None:
    """List stored events, filtered by actor, type, date range and place.

    \b
    Example:
      ceasefire events --type ASSAULT --place SYR --since 2016-06
      ceasefire events --actor "Islamic State" --format csv > isis.csv
    """
    with _open_existing(db) as store:
        rows = _query_events(store, flt, flt.limit)
    _emit_rows(
        rows,
        fmt,
        [
            "id",
            "date",
            "type",
            "mode",
            "status",
            "source_actor_name",
            "target_actor_name",
            "location_name",
            "claimant_name",
            "sentence",
        ],
    )


@cli.command()
@db_option
@event_filters
@format_option
def quotes(db: str, flt: EventFilter, fmt: str) -> None:
    """List stored quotes (direct and indirect speech) with their speakers.

    --actor is the speaker. --type, --since, --until and --place keep the
    quotes of articles that report events matching them.

    \b
    Example:
      ceasefire quotes --actor Lavrov
      ceasefire quotes --type ASSAULT --place Aleppo --since 2016-06
    """
    with _open_existing(db) as store:
        keep = (
            {e.article_id for e in _query_events(store, dataclasses.replace(flt, actor=None))}
            if _narrowed(flt)
            else None
        )
        rows = store.query_quotes(actor=flt.actor, limit=flt.limit, article_ids=keep)
    _emit_rows(rows, fmt, ["id", "speaker_name", "kind", "text", "title"])


@cli.command()
@db_option
@click.option("--kind", help="Actor kind, e.g. armed_group, state, person.")
@click.option("--country", help="ISO-3 country code.")
@click.option("--name", help="Substring of the id or canonical name.")
@event_filters
@format_option
def actors(
    db: str, kind: str | None, country: str | None, name: str | None, flt: EventFilter, fmt: str
) -> None:
    """List canonical actors seen in the store, most mentioned first.

    --type, --since, --until, --place and --actor keep the actors taking part
    (as source, target or claimant) in the matching events.

    \b
    Example:
      ceasefire actors --kind armed_group --limit 10
      ceasefire actors --type ASSAULT --place SYR --since 2016
    """
    with _open_existing(db) as store:
        rows = store.query_actors(kind=kind, country=country, name=name)
        if _narrowed(flt) or flt.actor:
            involved = {
                i
                for e in _query_events(store, flt)
                for i in (e.source_actor_id, e.target_actor_id, e.claimant_id)
                if i
            }
            rows = [a for a in rows if a.id in involved]
    _emit_rows(
        rows[: flt.limit] if flt.limit else rows,
        fmt,
        ["id", "name", "kind", "country", "mentions", "events", "quotes", "aliases"],
    )


@cli.command()
@click.argument("name")
@db_option
@format_option
def actor(name: str, db: str, fmt: str) -> None:
    """Show one actor: its aliases and its events as source and as target.

    NAME is an id, a canonical name or any alias seen ("Daesh" finds the
    Islamic State).

    \b
    Example:
      ceasefire actor Daesh
    """
    with _open_existing(db) as store:
        row = store.get_actor(name)
        if row is None:
            raise click.ClickException(f"no actor called {name!r} in {db}")
        evs = store.query_events(actor=row.id)
    as_source = [e for e in evs if e.source_actor_id == row.id]
    as_target = [e for e in evs if e.target_actor_id == row.id]
    if fmt == "json":
        from dataclasses import asdict

        click.echo(
            json.dumps(
                {
                    **asdict(row),
                    "as_source": [asdict(e) for e in as_source],
                    "as_target": [asdict(e) for e in as_target],
                },
                ensure_ascii=False,
                default=str,
            )
        )
        return
    click.echo(f"{row.name} [{row.id}]  kind={row.kind}  country={row.country or '-'}")
    click.echo(f"seen {row.mentions} times in {row.articles} articles as: {', '.join(row.aliases)}")
    cols = ["id", "date", "type", "source_actor_name", "target_actor_name", "location_name", "sentence"]
    for label, rows in (("as source", as_source), ("as target", as_target)):
        click.echo(f"\nevents {label}: {len(rows)}")
        if rows:
            _emit_rows(rows, "csv" if fmt == "csv" else "table", cols)


@cli.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "parquet", "geojson"]),
    required=True,
    help="csv: ACLED-like columns; jsonl: PLOVER field names; parquet: typed columns; "
    "geojson: geocoded events as points.",
)
@click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    show_default=True,
    help="Output file ('-' = stdout; parquet needs a file).",
)
@event_filters
def export(db: str, fmt: str, out: str, flt: EventFilter) -> None:
    """Export stored events as CSV, JSON Lines, Parquet or GeoJSON.

    \b
    Example:
      ceasefire export --format csv --type ASSAULT --out assaults.csv
      ceasefire export --format geojson --place SYR -o syria.geojson
    """
    from .export import export_events

    if fmt == "parquet" and out == "-":
        raise click.UsageError("parquet is a binary format: give an output file (--out events.parquet)")
    with _open_existing(db) as store:
        if fmt == "parquet":
            open_output(out).close()
            target: Any = Path(out)
        else:
            target = open_output(out)
        try:
            n = export_events(store, fmt, target, flt)
        except OSError as exc:
            raise EnvironmentProblem(f"cannot write {out}: {exc}") from exc
        finally:
            if target is not sys.stdout and not isinstance(target, Path):
                target.close()
    click.echo(f"{n} events written to {'stdout' if out == '-' else out}", err=True)


@cli.command()
@db_option
@click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False),
    default="report.html",
    show_default=True,
    help="HTML file to write.",
)
@event_filters
def report(db: str, out: str, flt: EventFilter) -> None:
    """Write a self-contained HTML situation report (map, timeline, actors, events, quotes).

    The file has inline CSS and SVG only: it opens from disk with no server
    and no network, and can be mailed as it is.

    \b
    Example:
      ceasefire report --since 2016-06 --place SYR --out syria-june.html
    """
    from .report import write_report

    open_output(out).close()  # fail before the work if the file cannot be written
    with _open_existing(db) as store:
        try:
            n = write_report(store, Path(out), flt)
        except OSError as exc:
            raise EnvironmentProblem(f"cannot write {out}: {exc}") from exc
    click.echo(f"report with {n} events written to {out}", err=True)


@cli.command()
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to bind (loopback unless you mean to share it).",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def serve(db: str, host: str, port: int) -> None:
    """Serve the read-only web UI and JSON API over the database.

    \b
    Example:
      ceasefire serve --db ceasefire.db      # then open http://127.0.0.1:8000/
    """
    import socket

    from .web import serve as serve_web

    if "://" not in db and not Path(db).exists():
        raise EnvironmentProblem(f"no database at {db}; run `ceasefire ingest PATH --db {db}` first")
    try:  # fail with one line if the address is taken, before uvicorn starts
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        raise EnvironmentProblem(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    click.echo(
        f"serving {shown(db)} on http://{host}:{port}/ (JSON API described at /api); Ctrl-C stops", err=True
    )
    try:
        serve_web(db, host=host, port=port)
    except (FileNotFoundError, ValueError) as exc:
        raise EnvironmentProblem(str(exc)) from exc


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
