"""Bounds on a full-text query: a length cap and a time budget, on both backends.

A search box is open to anyone (the web UI) and a pasted paragraph is easy
to type (the CLI): a query longer than :data:`MAX_QUERY_CHARS` is refused
before it runs, and one that runs longer than :data:`QUERY_BUDGET_S` is
interrupted (SQLite: a progress handler; PostgreSQL: ``statement_timeout``)
and reported, instead of holding a connection for as long as it takes.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

# Longest query accepted: far above any real search (a dozen names and
# phrases), and the same as the web UI's longest filter value.
MAX_QUERY_CHARS = 200  # also query.spec.MAX_TEXT_CHARS, the --text / q filter's cap
# Seconds a query may run. A search of a few thousand articles takes a few
# milliseconds (benchmarks/search.py); this leaves room for a big store on a
# busy machine while answering a pathological query within seconds.
QUERY_BUDGET_S = 5.0
# SQLite virtual-machine steps between two looks at the clock (~1 ms of work).
_PROGRESS_STEPS = 10_000


class QueryError(ValueError):
    """A query that is refused or could not be answered; ``str(exc)`` says why."""


class QueryTooLong(QueryError):
    pass


class QueryTooSlow(QueryError):
    pass


def check_length(query: str, limit: int = MAX_QUERY_CHARS) -> None:
    if len(query) > limit:
        raise QueryTooLong(f"the search query is {len(query)} characters long; at most {limit} are accepted")


def too_slow(budget: float) -> QueryTooSlow:
    return QueryTooSlow(
        f"the search took longer than its {budget:g} s budget and was stopped; "
        "use fewer alternatives (OR) or more specific words"
    )


@contextmanager
def sqlite_budget(con: sqlite3.Connection, budget: float = QUERY_BUDGET_S) -> Iterator[None]:
    """Interrupt the statements run on ``con`` inside the block once ``budget`` seconds have passed."""
    end = time.monotonic() + budget
    handler: Callable[[], int] = lambda: int(time.monotonic() > end)  # noqa: E731
    con.set_progress_handler(handler, _PROGRESS_STEPS)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc).lower() and time.monotonic() > end:
            raise too_slow(budget) from exc
        raise
    finally:
        con.set_progress_handler(None, 0)


@contextmanager
def postgres_budget(con: Any, budget: float = QUERY_BUDGET_S) -> Iterator[None]:
    """Run the block in a transaction whose statements time out after ``budget`` seconds."""
    import psycopg

    try:
        with con.transaction():
            con.execute(f"SET LOCAL statement_timeout = {int(budget * 1000)}")
            yield
    except psycopg.errors.QueryCanceled as exc:
        raise too_slow(budget) from exc
