"""The `ceasefire` command line: thin shells over library functions.

Exit codes: 0 all inputs ok; 1 some inputs failed; 2 usage error;
3 no input could be read at all.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click

from . import __version__
from .ingest import ReadOptions
from .models import InputError
from .pipeline import DocumentResult, ExtractOptions, RunSummary, process, write_jsonl

log = logging.getLogger("ceasefire")

DEFAULT_DB = "ceasefire.db"
EXAMPLES = Path(__file__).parent / "examples"
EXAMPLE_GLOBS = ("*.txt", "*.html", "*.csv", "*.jsonl")


def default_db() -> str:
    return os.environ.get("CEASEFIRE_DB", DEFAULT_DB)


def _setup_logging(verbose: bool, quiet: bool) -> None:
    level = logging.DEBUG if verbose else logging.ERROR if quiet else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


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

    @click.option("--text-field", default="text", show_default=True,
                  help="CSV/JSON Lines column holding the article text.")
    @click.option("--title-field", default="title", show_default=True, help="CSV/JSONL title column.")
    @click.option("--date-field", default="date", show_default=True, help="CSV/JSONL date column.")
    @click.option("--url-field", default="url", show_default=True, help="CSV/JSONL URL column.")
    @click.option("--include", multiple=True, metavar="GLOB",
                  help="In directories, read only files matching GLOB (repeatable).")
    @click.option("--exclude", multiple=True, metavar="GLOB", help="In directories, skip files matching GLOB.")
    @click.option("--timeout", default=20.0, show_default=True, help="Seconds to wait for a URL.")
    @functools.wraps(fn)
    def wrapper(*args: Any, text_field: str, title_field: str, date_field: str, url_field: str,
                include: tuple[str, ...], exclude: tuple[str, ...], timeout: float, **kwargs: Any) -> Any:
        read = ReadOptions(text_field=text_field, title_field=title_field or None,
                           date_field=date_field or None, url_field=url_field or None,
                           include=include, exclude=exclude, timeout=timeout)
        return fn(*args, read=read, **kwargs)

    return wrapper


class Progress:
    """A progress bar on stderr (documents/s, ETA) shown only on a terminal."""

    def __init__(self, quiet: bool, unit: str = "doc"):
        from tqdm import tqdm

        self.bar = tqdm(unit=unit, disable=quiet or not sys.stderr.isatty(), file=sys.stderr,
                        dynamic_ncols=True, leave=False)

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
        except (ModelNotInstalled, StoreError, InputError) as exc:
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
@click.option("--out", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              show_default=True, help="JSON Lines output file ('-' = stdout).")
@click.option("--no-nlp", is_flag=True, help="Only clean and split articles (no actors/events/quotes/places).")
@click.option("--model", default=None, help="spaCy model package (default: en_core_web_sm).")
@reader_options
@verbosity
def extract(paths: tuple[str, ...], out: str, no_nlp: bool, model: str | None, read: ReadOptions,
            quiet: bool) -> None:
    """Extract articles, actors, events, quotes and places to JSON Lines.

    PATHS are files, directories, URLs or '-' for standard input; no database
    is used. One JSON record per article (see SPEC.md for the fields).

    \b
    Example:
      ceasefire extract ../shared/corpus/seeds/*.txt --out out.jsonl
      ceasefire extract news.csv --text-field content -o out.jsonl
    """
    options = ExtractOptions(read=read, nlp=not no_nlp, model=model)
    progress = Progress(quiet)
    fh = sys.stdout if out == "-" else open(out, "w", encoding="utf-8")  # noqa: SIM115
    try:
        summary = write_jsonl(process(paths, options, on_total=progress.total), fh, on_item=progress)
    finally:
        progress.close()
        if fh is not sys.stdout:
            fh.close()
    _finish(summary, quiet)


def ingest_paths(paths: Iterable[str], db: str, options: ExtractOptions,
                 on_item: Callable[[DocumentResult | InputError], None] | None = None,
                 on_total: Callable[[int], None] | None = None) -> RunSummary:
    """Ingest documents into the store; already stored documents are skipped."""
    from .store import open_store

    summary = RunSummary()
    with open_store(db) as store:
        for item in process(paths, options, skip=store.has_document, on_total=on_total):
            summary.add(item)
            if isinstance(item, InputError):
                store.record_error(item.source, item.reason)
            elif not item.skipped:
                store.save_document(item.document, item.records)
            if on_item:
                on_item(item)
    return summary


def _ingest_cmd(paths: Iterable[str], db: str, options: ExtractOptions, quiet: bool) -> RunSummary:
    progress = Progress(quiet)
    try:
        return ingest_paths(paths, db, options, on_item=progress, on_total=progress.total)
    finally:
        progress.close()


db_option = click.option("--db", default=default_db, show_default="ceasefire.db or $CEASEFIRE_DB",
                         help="SQLite file or postgresql:// URL.")


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
@verbosity
def run(paths: tuple[str, ...], db: str, quiet: bool) -> None:
    """The main job: ingest + extract into the database, then print a summary.

    With no PATH, runs on the bundled example articles.

    \b
    Example:
      ceasefire run                 # bundled examples -> ceasefire.db
      ceasefire run ~/news --db news.db
    """
    from .store import open_store

    # The bundled examples folder also holds its README.md: read only articles there.
    options = ExtractOptions(read=ReadOptions(include=EXAMPLE_GLOBS)) if not paths else ExtractOptions()
    summary = _ingest_cmd(list(paths) or [str(EXAMPLES)], db, options, quiet)
    with open_store(db) as store:
        st = store.stats()
    click.echo(summary.line())
    click.echo(f"database {db}: " + ", ".join(f"{v} {k}" for k, v in vars(st).items()))
    click.echo("next: ceasefire articles --db " + db + "   (list and search the stored articles)")
    sys.exit(summary.exit_code)


@cli.command()
@click.argument("query", required=False)
@db_option
@click.option("--limit", default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def articles(query: str | None, db: str, limit: int, fmt: str) -> None:
    """List stored articles, or full-text search them with QUERY.

    \b
    Example:
      ceasefire articles                       # latest articles
      ceasefire articles 'Aleppo AND ceasefire' --limit 5
    """
    from .store import open_store

    if not Path(db).exists() and "://" not in db:
        raise click.ClickException(f"no database at {db}; run `ceasefire ingest PATH --db {db}` first")
    with open_store(db) as store:
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


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
