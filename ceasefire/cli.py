"""The `ceasefire` command line: thin shells over library functions.

Exit codes: 0 all inputs ok (also when a reader such as `head` stops
reading early); 1 some inputs failed, or an actor named in a query is not
in the database; 2 usage error (bad option value,
or a search too long or too slow to answer); 3 no input could be read
at all; 4 the database, an output file, the network address or the spaCy
model could not be used.
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
from .cli_values import FloatRange
from .events.lexicon import PLOVER_TYPES
from .ingest import ReadOptions
from .models import InputError
from .pipeline import ExtractOptions, RunSummary, results, write_jsonl
from .progress import Progress, progress_option
from .query import EventQuery
from .scale import ClusterUnavailable, ScaleOptions
from .scale.options import scale_options
from .terminal import inert

log = logging.getLogger("ceasefire")

DEFAULT_DB = "ceasefire.db"
# Upper bounds of numeric options: far above any real use, low enough that no
# value overflows a database integer or a timer (a clear usage error instead).
MAX_SECONDS = 86_400.0
MAX_LIMIT = 1_000_000_000
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
    @click.option(
        "--title-field",
        default=None,
        help="CSV/JSONL title column (default: title or headline; '' for none).",
    )
    @click.option(
        "--date-field",
        default=None,
        help="CSV/JSONL date column (default: date, published or publication_date; '' for none).",
    )
    @click.option(
        "--url-field", default=None, help="CSV/JSONL URL column (default: url or link; '' for none)."
    )
    @click.option(
        "--source-field",
        default=None,
        help="CSV/JSONL outlet column (default: source, outlet or publisher; '' for none).",
    )
    @click.option(
        "--id-field",
        default=None,
        help="CSV/JSONL row id column, for the names of untitled articles (default: id, or a CSV's unnamed "
        "first column; '' for none).",
    )
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
        type=FloatRange(min=0, max=MAX_SECONDS, min_open=True),
        help="Seconds a URL may keep us waiting for its connection or for any one read.",
    )
    @click.option(
        "--deadline",
        default=120.0,
        show_default=True,
        type=FloatRange(min=0, max=MAX_SECONDS, min_open=True),
        help="Seconds the whole download of one URL may take; a slower one is reported and skipped.",
    )
    @click.option(
        "--per-host",
        default=2,
        show_default=True,
        type=click.IntRange(min=1, max=64),
        help="Downloads at once from one host (URLs are fetched ahead, in parallel).",
    )
    @functools.wraps(fn)
    def wrapper(
        *args: Any,
        text_field: str,
        title_field: str | None,
        date_field: str | None,
        url_field: str | None,
        source_field: str | None,
        id_field: str | None,
        include: tuple[str, ...],
        exclude: tuple[str, ...],
        timeout: float,
        deadline: float,
        per_host: int,
        **kwargs: Any,
    ) -> Any:
        read = ReadOptions(
            text_field=text_field,
            title_field=title_field,
            date_field=date_field,
            url_field=url_field,
            source_field=source_field,
            id_field=id_field,
            include=include,
            exclude=exclude,
            timeout=timeout,
            deadline=deadline,
            per_host=per_host,
        )
        return fn(*args, read=read, **kwargs)

    return wrapper


def _finish(summary: RunSummary, quiet: bool) -> None:
    if not quiet:
        click.echo(summary.line(), err=True)
        for note in summary.notes():
            click.echo(inert(note), err=True)
    sys.exit(summary.exit_code)


class CoderWeightsMissing(click.ClickException):
    """The trained event coder's weights are missing or damaged: exit 2, naming the rebuild command."""

    exit_code = 2


class Group(click.Group):
    """Turns the library's expected errors into one-line CLI errors (no traceback)."""

    def invoke(self, ctx: click.Context) -> Any:
        from .events.model import ModelError
        from .nlp.runner import ModelNotInstalled
        from .query import QueryValueError
        from .store import QueryError, StoreError

        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # The reader went away (`ceasefire events | head`): it has what it wanted, so
            # stop quietly and successfully; stdout goes to /dev/null so that the final
            # flush at exit cannot fail again.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(0)
        except (ModelNotInstalled, StoreError) as exc:
            raise EnvironmentProblem(str(exc)) from exc
        except (ClusterUnavailable, QueryValueError, QueryError) as exc:
            # A search too long or too slow to answer, a filter value the query layer refuses:
            # the user's to change (exit 2), like any bad option value.
            raise click.UsageError(inert(str(exc))) from exc
        except ModelError as exc:
            raise CoderWeightsMissing(str(exc)) from exc
        except InputError as exc:
            raise click.ClickException(inert(str(exc))) from exc
        except click.ClickException as exc:
            exc.message = inert(exc.message)  # it may quote stored names or a file's name
            raise


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
@scale_options
@progress_option
@verbosity
def extract(
    paths: tuple[str, ...],
    out: str,
    no_nlp: bool,
    model: str | None,
    read: ReadOptions,
    scale: ScaleOptions,
    progress: bool | None,
    quiet: bool,
) -> None:
    """Extract articles, actors, events, quotes and places to JSON Lines.

    PATHS are files, directories, URLs or '-' for standard input; no database
    is used. One JSON record per article (see SPEC.md for the fields).

    \b
    Example:
      ceasefire extract ../shared/corpus/seeds/*.txt --out out.jsonl
      ceasefire extract news.csv --text-field content -o out.jsonl
      ceasefire extract ~/news/ --workers 2 -o out.jsonl      # two processes (Dask)
    """
    options = ExtractOptions(read=read, nlp=not no_nlp, model=model)
    fh = open_output(out)
    bar = Progress(quiet, progress)
    try:
        items = results(paths, options, scale=scale, on_total=bar.total, on_info=bar.info)
        summary = write_jsonl(items, fh, on_item=bar)
    finally:
        bar.close()
        if fh is not sys.stdout:
            fh.close()
    _finish(summary, quiet)


def _ingest_cmd(
    paths: Iterable[str],
    db: str,
    options: ExtractOptions,
    scale: ScaleOptions,
    quiet: bool,
    progress: bool | None = None,
) -> RunSummary:
    from .pipeline import ingest as ingest_documents
    from .store import open_store

    bar = Progress(quiet, progress)
    try:
        with open_store(db) as store:
            return ingest_documents(
                paths,
                store,
                options,
                on_item=bar,
                on_total=bar.total,
                scale=scale,
                on_info=bar.info,
                db=db,
            )
    finally:
        bar.close()


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
@scale_options
@progress_option
@verbosity
def ingest(
    paths: tuple[str, ...],
    db: str,
    no_nlp: bool,
    read: ReadOptions,
    scale: ScaleOptions,
    progress: bool | None,
    quiet: bool,
) -> None:
    """Read documents, extract, and store them in the database.

    Ingesting the same input twice changes nothing; an interrupted run can
    simply be rerun.

    \b
    Example:
      ceasefire ingest ~/news/ --include '*.html' --db news.db
      ceasefire ingest ~/news/ --workers 2                      # two processes (Dask)
      ceasefire ingest ~/news/ --scheduler tcp://10.0.0.5:8786  # a running Dask cluster
    """
    summary = _ingest_cmd(paths, db, ExtractOptions(read=read, nlp=not no_nlp), scale, quiet, progress)
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
@scale_options
@progress_option
@verbosity
def run(
    paths: tuple[str, ...],
    db: str,
    report_path: str | None,
    no_nlp: bool,
    read: ReadOptions,
    scale: ScaleOptions,
    progress: bool | None,
    quiet: bool,
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
    bar = Progress(quiet, progress)
    try:
        result = run_job(
            list(paths) or [str(EXAMPLES)],
            db,
            ExtractOptions(read=read, nlp=not no_nlp),
            report=Path(report_path) if report_path else None,
            on_item=bar,
            on_total=bar.total,
            scale=scale,
            on_info=bar.info,
        )
    except OSError as exc:
        raise EnvironmentProblem(f"cannot write the report: {exc}") from exc
    finally:
        bar.close()
    exe = sys.argv[0] if os.path.sep in sys.argv[0] else "ceasefire"
    where = shown(db)
    click.echo(result.summary.line())
    for note in result.summary.notes():
        click.echo(inert(note))
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
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1, max=MAX_LIMIT))
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
        title = _one_line(d.get("title")) or "(untitled)"
        click.echo(inert(f"{d.get('article_id')}  {d.get('published') or '----------'}  {title}"))
        if d.get("snippet"):
            click.echo(inert(f"    {_one_line(d['snippet'])}"))


# -- queries over the store -------------------------------------------------------------


def _open_existing(db: str) -> Any:
    from .store import open_store

    if "://" not in db:
        path = Path(db)
        if not path.exists():
            raise EnvironmentProblem(f"no database at {db}; run `ceasefire ingest PATH --db {db}` first")
        if path.is_file() and path.stat().st_size == 0:
            # SQLite would take an empty file for a new database and a query would turn it into one.
            raise EnvironmentProblem(f"{db} is an empty file, not a ceasefire database")
    from .store import SchemaBehind, StoreError

    # Read commands open the store read-only (a database in a read-only folder is readable);
    # one of an older schema is upgraded first, which needs write access once.
    try:
        return open_store(db, read_only=True)
    except SchemaBehind as behind:
        try:
            open_store(db).close()
        except StoreError:
            raise behind from None  # it says why and how to upgrade
        return open_store(db, read_only=True)


def _terminal_width() -> int | None:
    """Columns a table may use: $COLUMNS, else the terminal's width; None when the
    output goes to a file or a pipe with no $COLUMNS (then nothing is cut to fit)."""
    env = os.environ.get("COLUMNS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    if sys.stdout.isatty():
        return os.get_terminal_size(sys.stdout.fileno()).columns
    return None


MAX_CELL = 60  # widest table column when nothing else limits it (a sentence's first words)
MIN_CELL = 6  # narrowest a column is squeezed to fit a terminal: "2016-0…" still reads


def fit_widths(widths: list[int], total: int) -> list[int]:
    """Column widths, the widest squeezed first, so that a row with two-space gaps fits ``total``."""
    out = list(widths)
    excess = sum(out) + 2 * (len(out) - 1) - total
    while excess > 0:
        i = max(range(len(out)), key=lambda k: out[k])
        if out[i] <= MIN_CELL:
            break
        out[i] -= 1
        excess -= 1
    return out


def _one_line(v: Any) -> str:
    """A value as one line of text: lists joined with '; ', whitespace collapsed, None empty."""
    from .store.rows import one_line

    return one_line(v)


# Table headers shorter than the field names (json and csv keep the field names).
HEADERS = {
    "source_actor_name": "source",
    "target_actor_name": "target",
    "location_name": "location",
    "claimant_name": "claimant",
    "speaker_name": "speaker",
}


def _table(dicts: list[dict[str, Any]], columns: list[str]) -> None:
    """An aligned table. When it is wider than the terminal, its last column (the long
    text: sentence, quote, aliases) goes on an indented line under each row, cut to
    the width, and the other columns are squeezed widest first if still needed."""
    table = [[inert(_one_line(d[c])) for c in columns] for d in dicts]
    header = [HEADERS.get(c, c) for c in columns]
    widths = [min(max(len(c), *(len(r[i]) for r in table)), MAX_CELL) for i, c in enumerate(header)]
    total = _terminal_width()
    below: int | None = None  # the column shown under each row
    if total and sum(widths) + 2 * (len(widths) - 1) > total and len(columns) > 2:
        below = len(columns) - 1
        widths = fit_widths(widths[:below], total)

    def cut(v: str, w: int) -> str:
        return v if len(v) <= w else v[: w - 1] + "…"

    def line(cells: list[str]) -> str:
        return "  ".join(cut(v, w).ljust(w) for v, w in zip(cells, widths, strict=False)).rstrip()

    click.echo(line(header))
    for r in table:
        click.echo(line(r))
        if below is not None and total and r[below]:
            click.echo("    " + cut(r[below], total - 4))


def _emit_rows(rows: Iterable[Any], fmt: str, columns: list[str], row_type: type, what: str) -> int:
    """Print dataclass rows as an aligned table, JSON Lines or CSV; returns how many.

    JSON Lines and CSV carry every field of ``row_type`` (the CSV header too
    when there are no rows) and are written as the rows come; CSV cells are
    one line each (lists joined with '; ') so each row is one spreadsheet
    row. A table shows ``columns``; with no rows, a note on stderr
    says that nothing matched (not an error: exit 0).
    """
    import csv

    from .store.rows import csv_cells, csv_header, json_line

    n = 0
    if fmt == "json":
        for r in rows:
            click.echo(json_line(r))
            n += 1
    elif fmt == "csv":
        names = csv_header(row_type)
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(names)
        for r in rows:
            w.writerow(csv_cells(r, names))
            n += 1
    else:
        dicts = [dataclasses.asdict(r) for r in rows]
        n = len(dicts)
        if dicts:
            _table(dicts, columns)
    if not n and fmt == "table":
        click.echo(f"no {what} match", err=True)
    return n


format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"], case_sensitive=False),
    default="table",
    show_default=True,
    help="table (fits the terminal), json (JSON Lines: one object per line) or csv (UTF-8, with a header).",
)


_DATE_PREFIX = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _date_prefix(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
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


def _types(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    """--type values, repeatable and comma-separated, checked against the PLOVER types (any case)."""
    out: list[str] = []
    for v in value:
        for t in v.split(","):
            t = t.strip().upper()
            if not t:
                continue
            if t not in PLOVER_TYPES:
                raise click.BadParameter(f"{t!r} is not one of {', '.join(PLOVER_TYPES)}")
            if t not in out:
                out.append(t)
    return tuple(out)


# The event filters of a command: the query layer's one query (ceasefire.query), so every
# command, the web and the API mean the same by each filter.
Query = EventQuery


def event_filters(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--actor/--type/--since/--until/--place/--claimant/--outlet/--text/--min-confidence/--limit,
    passed on as one Query ``flt``."""

    @click.option("--actor", help="Source, target or claimant: id, name or alias (any case).")
    @click.option(
        "--type",
        "type_",
        multiple=True,
        callback=_types,
        metavar="TYPE",
        help="PLOVER event type, any case; repeat or comma-separate for several: "
        + ", ".join(PLOVER_TYPES)
        + ".",
    )
    @click.option(
        "--since", metavar="DATE", callback=_date_prefix, help="From this date (YYYY, YYYY-MM or YYYY-MM-DD)."
    )
    @click.option("--until", metavar="DATE", callback=_date_prefix, help="Up to this date, inclusive.")
    @click.option(
        "--place", help="Place name (variant spellings too), admin1 region, country name or ISO-3 code."
    )
    @click.option("--claimant", help="Who the report is attributed to: actor id, name or alias (any case).")
    @click.option("--outlet", help="The article's publisher, any case ('guardian' finds 'The Guardian').")
    @click.option("--text", help='Full-text search of the event\'s article: words, "a phrase", OR, -word.')
    @click.option(
        "--min-confidence",
        type=FloatRange(0.0, 1.0),
        default=None,
        metavar="X",
        help="Only events coded with at least this confidence (0 to 1).",
    )
    @click.option(
        "--limit", type=click.IntRange(min=1, max=MAX_LIMIT), default=None, help="At most this many rows."
    )
    @functools.wraps(fn)
    def wrapper(
        *args: Any,
        actor: str | None,
        type_: tuple[str, ...],
        since: str | None,
        until: str | None,
        place: str | None,
        claimant: str | None,
        outlet: str | None,
        text: str | None,
        min_confidence: float | None,
        limit: int | None,
        **kwargs: Any,
    ) -> Any:
        if since and until and since > until.ljust(len(since), "\uffff"):
            # compared as the store compares: "--until 2016" reaches the last day of 2016
            raise click.UsageError(f"--since {since} is after --until {until}: nothing could match")
        flt = Query(
            actor=actor,
            type=type_ or None,
            since=since,
            until=until,
            place=place,
            claimant=claimant,
            outlet=outlet,
            text=text,
            min_confidence=min_confidence,
            limit=limit,
        )
        return fn(*args, flt=flt, **kwargs)

    return wrapper


def _describe(a: Any) -> str:
    return f"{a.id} ({a.name}, {a.mentions} mentions)"


def _resolve_actor(store: Any, name: str, db: str, what: str = "actor") -> list[Any]:
    """The actors NAME names; an error naming close spellings when none; a note when several."""
    found = store.find_actors(name)
    if not found:
        from .store.names import PRONOUNS

        if name.strip().lower() in PRONOUNS:
            raise NotFound(f"{name!r} is a pronoun, not an actor's name; give a name or an id")
        near = store.similar_actors(name)
        hint = f"; did you mean {' or '.join(repr(a.name) + f' [{a.id}]' for a in near)}?" if near else ""
        raise NotFound(f"no {what} called {name!r} in {shown(db)}{hint} (`ceasefire actors` lists them)")
    if len(found) > 1:
        click.echo(
            f"note: {name!r} names {len(found)} actors: {', '.join(_describe(a) for a in found)}",
            err=True,
        )
    return found


class NotFound(click.ClickException):
    """What the user named is not in the database (exit 1, like grep finding nothing to match)."""

    exit_code = 1


def _check_names(store: Any, flt: Query, db: str) -> None:
    """Exit 1 naming the filter when --actor, --claimant or --outlet names nothing in the store."""
    if flt.actor:
        _resolve_actor(store, flt.actor, db)
    if flt.claimant:
        _resolve_actor(store, flt.claimant, db, "claimant")
    for miss in store.compile_query(flt).misses:
        if miss.field == "outlet":
            raise NotFound(f"{miss.message()} in {shown(db)} (`ceasefire articles` shows the outlets)")


def _query_events(store: Any, flt: Query, *, stream: bool = False) -> Iterable[Any]:
    """The events matching ``flt``, newest first, through the query layer."""
    return store.iter_events(query=flt) if stream else store.query_events(query=flt)


def _narrowed(flt: Query) -> bool:
    """True when an event filter other than --actor is given."""
    return any(
        (
            flt.type,
            flt.since,
            flt.until,
            flt.place,
            flt.claimant,
            flt.outlet,
            flt.text,
            flt.min_confidence is not None,
        )
    )


EVENT_COLUMNS = [
    "id",
    "date",
    "type",
    "source_actor_name",
    "target_actor_name",
    "location_name",
    "sentence",
]


@cli.command()
@db_option
@event_filters
@format_option
def events(db: str, flt: Query, fmt: str) -> None:
    """List stored events, filtered by actor, type, date range and place.

    The table shows the main columns, cut to the terminal's width; json
    (JSON Lines) and csv carry every field, including the article, mode,
    status, claimant and coordinates. Events with no date are left out by
    --since and --until.

    \b
    Example:
      ceasefire events --type ASSAULT --place Syria --since 2016-06
      ceasefire events --type assault,coerce --actor "Islamic State" --format csv > isis.csv
    """
    from .store import EventRow

    with _open_existing(db) as store:
        _check_names(store, flt, db)
        _emit_rows(_query_events(store, flt, stream=fmt != "table"), fmt, EVENT_COLUMNS, EventRow, "events")
        if flt.since or flt.until:
            # Many events carry no date of their own; say how many the range left out, and
            # how many of those kept may lie outside it (a month reaching past --until).
            undated = store.count_undated_events(query=flt)
            if undated:
                click.echo(
                    f"note: {undated} matching events have no date and are left out by --since/--until",
                    err=True,
                )
            partial = store.count_partial_events(dataclasses.replace(flt, limit=None))
            if partial:
                click.echo(
                    f"note: {partial} of the events listed have a date (a month, a year or a window) "
                    "that only partly overlaps --since/--until",
                    err=True,
                )


@cli.command()
@db_option
@event_filters
@format_option
def quotes(db: str, flt: Query, fmt: str) -> None:
    """List stored quotes (direct and indirect speech) with their speakers.

    --actor is the speaker. The other event filters (--type, --since,
    --until, --place, --claimant, --outlet, --text, --min-confidence) keep
    the quotes of articles that report events matching them.

    \b
    Example:
      ceasefire quotes --actor Lavrov
      ceasefire quotes --type ASSAULT --place Aleppo --since 2016-06
    """
    from .store import QuoteRow

    with _open_existing(db) as store:
        ids = [a.id for a in _resolve_actor(store, flt.actor, db)] if flt.actor else None
        _check_names(store, dataclasses.replace(flt, actor=None), db)
        keep = (
            {
                e.article_id
                for e in _query_events(store, dataclasses.replace(flt, actor=None, limit=None), stream=True)
            }
            if _narrowed(flt)
            else None
        )
        if ids is None:
            rows = store.query_quotes(limit=flt.limit, article_ids=keep)
        else:
            by_id = {q.id: q for i in ids for q in store.query_quotes(actor=i, article_ids=keep)}
            rows = [by_id[k] for k in sorted(by_id)][: flt.limit]
    _emit_rows(rows, fmt, ["id", "speaker_name", "kind", "title", "text"], QuoteRow, "quotes")


@cli.command()
@db_option
@click.option("--kind", help="Actor kind, e.g. armed_group, state, person.")
@click.option("--country", help="ISO-3 country code.")
@click.option("--name", help="Substring of the id or canonical name.")
@event_filters
@format_option
def actors(db: str, kind: str | None, country: str | None, name: str | None, flt: Query, fmt: str) -> None:
    """List canonical actors seen in the store, most mentioned first.

    --type, --since, --until, --place and --actor keep the actors taking part
    (as source, target or claimant) in the matching events; with --actor,
    the actors it names and those they had events with. Aliases are the
    names an actor was seen under (no pronouns or descriptions).

    \b
    Example:
      ceasefire actors --kind armed_group --limit 10
      ceasefire actors --type ASSAULT --place Syria --since 2016
    """
    from .store import ActorRow

    with _open_existing(db) as store:
        rows = store.query_actors(kind=kind, country=country, name=name)
        if _narrowed(flt) or flt.actor:
            _check_names(store, flt, db)
            involved = {
                i
                for e in _query_events(store, dataclasses.replace(flt, limit=None), stream=True)
                for i in (e.source_actor_id, e.target_actor_id, e.claimant_id)
                if i
            }
            rows = [a for a in rows if a.id in involved]
    _emit_rows(
        rows[: flt.limit] if flt.limit else rows,
        fmt,
        ["id", "name", "kind", "country", "mentions", "events", "quotes", "aliases"],
        ActorRow,
        "actors",
    )


@dataclasses.dataclass
class ActorEventRow:
    """One event of ``ceasefire actor NAME --format csv``: the actor's role in it, then the event."""

    role: str
    id: int
    date: str | None
    type: str
    mode: str | None
    status: str
    source_actor_name: str | None
    target_actor_name: str | None
    claimant_name: str | None
    location_name: str | None
    sentence: str
    title: str | None
    published: str | None
    doc_source: str


ROLES = (("source", "source_actor_id"), ("target", "target_actor_id"), ("claimant", "claimant_id"))


@cli.command()
@click.argument("name")
@db_option
@format_option
@click.option(
    "--limit",
    type=click.IntRange(min=1, max=MAX_LIMIT),
    default=None,
    help="At most this many events per role.",
)
def actor(name: str, db: str, fmt: str, limit: int | None) -> None:
    """Show one actor: its aliases and its events as source, as target and as claimant.

    NAME is an id, a canonical name or any name seen, in any case and with
    or without hyphens ("Daesh" and "islamic state" find the Islamic State).
    When a name is shared, the actor most often seen under it is shown and
    the others are named on stderr. Each event comes with its sentence and
    the article it is from.

    \b
    Example:
      ceasefire actor Daesh
      ceasefire actor "jabhat al nusra" --format csv > nusra.csv
    """
    with _open_existing(db) as store:
        row = _resolve_actor(store, name, db)[0]
        evs = store.query_events(actor=row.id)
    by_role = {role: [e for e in evs if getattr(e, col) == row.id][:limit] for role, col in ROLES}
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    **dataclasses.asdict(row),
                    **{f"as_{role}": [dataclasses.asdict(e) for e in rows] for role, rows in by_role.items()},
                },
                ensure_ascii=False,
                default=str,
            )
        )
        return
    if fmt == "csv":
        flat = [
            ActorEventRow(role, **{f.name: getattr(e, f.name) for f in dataclasses.fields(ActorEventRow)[1:]})
            for role, rows in by_role.items()
            for e in rows
        ]
        _emit_rows(flat, fmt, [], ActorEventRow, "events")
        return
    _echo(f"{row.name} [{row.id}]  kind={row.kind}  country={row.country or '-'}")
    _echo(f"seen {row.mentions} times in {row.articles} articles; {row.quotes} quotes")
    _echo(f"names: {'; '.join(row.aliases) or '-'}")
    _echo("events: " + ", ".join(f"{sum(getattr(e, c) == row.id for e in evs)} as {r}" for r, c in ROLES))
    width = _terminal_width() or 100
    for role, rows in by_role.items():
        if not rows:
            continue
        _echo(f"\nas {role}:")
        for e in rows:
            other = f"{e.source_actor_name or '?'} -> {e.target_actor_name or '-'}"
            where = f" @ {e.location_name}" if e.location_name else ""
            _echo(f"  #{e.id}  {e.date or 'undated'}  {e.type}  {other}{where}")
            for line in _wrap(f"“{_one_line(e.sentence)}”", width - 6):
                _echo(f"      {line}")
            src = ", ".join(x for x in (e.title and _one_line(e.title), e.published, e.doc_source) if x)
            _echo(f"      — {src}")


def _echo(line: str) -> None:
    """One line of stored text for a person to read: inert for the terminal."""
    click.echo(inert(line))


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(text, max(width, 20)) or [""]


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
@click.option(
    "--ledger",
    "ledger_of",
    metavar="AGREEMENT",
    help="Instead of events, the ledger of this agreement (an id of `ceasefire agreements list`, or "
    "'all'): one CSV row per alleged violation, as `ceasefire ledger --format csv`.",
)
@click.option(
    "--changed-since",
    "changed_since",
    type=click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S.%f"]),
    default=None,
    help="Instead of events: the event clusters new, modified or deleted (merged or emptied) "
    "after TIME (UTC), one JSON line each with its change (--format jsonl), for a copy to stay in sync.",
)
@event_filters
def export(db: str, fmt: str, out: str, ledger_of: str | None, changed_since: Any, flt: Query) -> None:
    """Export stored events as CSV, JSON Lines, Parquet or GeoJSON, or a ceasefire ledger as CSV.

    \b
    Example:
      ceasefire export --format csv --type ASSAULT --out assaults.csv
      ceasefire export --format geojson --place SYR -o syria.geojson
      ceasefire export --format csv --ledger syria-coh-2016 -o ledger.csv
      ceasefire export --format jsonl --changed-since 2026-12-01T00:00:00 -o clusters.jsonl
    """
    from .export import export_events

    if fmt == "parquet" and out == "-":
        raise click.UsageError("parquet is a binary format: give an output file (--out events.parquet)")
    if ledger_of is not None:
        _export_ledger(db, fmt, out, ledger_of, flt)
        return
    if changed_since is not None:
        if fmt != "jsonl":
            raise click.UsageError("--changed-since writes JSON Lines: use --format jsonl")
        if flt != Query():
            raise click.UsageError("--changed-since takes no event filter: it lists every cluster changed")
        _export_changes(db, out, changed_since)
        return
    with _open_existing(db) as store:
        _check_names(store, flt, db)  # exit 1 naming the filter, before any file is written
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


def _export_ledger(db: str, fmt: str, out: str, ident: str, flt: Query) -> None:
    from .cli_ledger import ledgers, write_csv

    if fmt != "csv":
        raise click.UsageError(f"--ledger is exported as CSV only: give --format csv, not {fmt}")
    if flt != Query():
        raise click.UsageError("--ledger takes no event filter: the agreement sets the period, area and acts")
    with _open_existing(db) as store:
        books = ledgers(store, None if ident.strip().lower() == "all" else ident, ())
    target = open_output(out)
    try:
        n = write_csv(target, books, None)
    except OSError as exc:
        raise EnvironmentProblem(f"cannot write {out}: {exc}") from exc
    finally:
        if target is not sys.stdout:
            target.close()
    click.echo(f"{n} alleged violations written to {'stdout' if out == '-' else out}", err=True)


def _export_changes(db: str, out: str, since: Any) -> None:
    """The cluster changes after ``since`` as JSON Lines: {"change": new|modified|deleted, ...}."""
    import datetime as dt

    stamp = since.replace(tzinfo=dt.UTC).isoformat(timespec="microseconds")
    with _open_existing(db) as store:
        changes = store.cluster_changes(stamp)
        target = open_output(out)
        try:
            n = 0
            for change in ("new", "modified", "deleted"):
                for row in changes[change]:
                    target.write(
                        json.dumps({"change": change, **row}, ensure_ascii=False, sort_keys=True) + "\n"
                    )
                    n += 1
        except OSError as exc:
            raise EnvironmentProblem(f"cannot write {out}: {exc}") from exc
        finally:
            if target is not sys.stdout:
                target.close()
    click.echo(f"{n} cluster changes since {stamp} written to {'stdout' if out == '-' else out}", err=True)


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
def report(db: str, out: str, flt: Query) -> None:
    """Write a self-contained HTML situation report (map, timeline, actors, events, quotes).

    The file has inline CSS and SVG only: it opens from disk with no server
    and no network, and can be mailed as it is.

    \b
    Example:
      ceasefire report --since 2016-06 --place SYR --out syria-june.html
    """
    from .report import write_report

    with _open_existing(db) as store:
        _check_names(store, flt, db)  # exit 1 naming the filter, before any file is written
        open_output(out).close()  # fail before the work if the file cannot be written
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
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="Also answer requests for this Host name (repeatable; '*.example.org' for a domain). "
    "Requests naming any other host are refused (DNS rebinding).",
)
def serve(db: str, host: str, port: int, allow_hosts: tuple[str, ...]) -> None:
    """Serve the read-only web UI and JSON API over the database.

    The database is opened read-only. Only requests whose Host header names
    this server (127.0.0.1, localhost, the --host address, or an --allow-host
    name) are answered.

    \b
    Example:
      ceasefire serve --db ceasefire.db      # then open http://127.0.0.1:8000/
      ceasefire serve --host 0.0.0.0 --allow-host events.example.org
    """
    import socket

    from .web import create_app, run
    from .web.guard import served_names

    if "://" not in db and not Path(db).exists():
        raise EnvironmentProblem(f"no database at {db}; run `ceasefire ingest PATH --db {db}` first")
    try:  # fail with one line if the address is taken, before uvicorn starts
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        raise EnvironmentProblem(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    try:  # the database is checked (and opened read-only) before the server says it is serving
        app = create_app(db, allowed_hosts=served_names(host, allow_hosts))
    except (FileNotFoundError, ValueError) as exc:
        raise EnvironmentProblem(str(exc)) from exc
    click.echo(
        f"serving {shown(db)} on http://{host}:{port}/ (JSON API described at /api); Ctrl-C stops", err=True
    )
    run(app, host=host, port=port)


def _add_commands() -> None:
    """Commands kept in their own modules (cli.py would pass 1,000 lines otherwise)."""
    from .cli_agreements import agreements
    from .cli_ledger import ledger

    cli.add_command(agreements)
    cli.add_command(ledger)


_add_commands()


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
