"""Dates and metadata on a real feed: the Guardian SDF sample, rows from 60 on, ingested as a user would.

Usage (from the repository root)::

    .venv/bin/python benchmarks/guardian_feed.py [--db FILE] [--keep]

Rows 0-59 of ``../shared/external/ngec_guardian_sdf/Guardian_SDF_sample.csv.zip``
are reserved for outside measurement and never read past the CSV reader: this
script writes the header and the rows from 60 on to a temporary CSV, runs
``ceasefire ingest THAT.csv --db DB`` with no other option (what a new user
types), and reads the database back. With ``--db`` naming an existing database
that already holds the ingest, the ingest is skipped.

Printed:

* events, and how many are dated at all (``date`` stated or a window);
* the share of events, future and hypothetical ones aside, whose date window
  ends on or before their article's publication date (the issue's target: at
  least 98%);
* asserted events dated after publication (target: 0);
* articles with an outlet, and with a title or a readable name (never a hash).

On a store without ``date_start``/``date_end`` (before the dates stage), an
event's window is the period its stated ``date`` names ("2016-06" runs from
June 1 to June 30); an undated event has none.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import io
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CEASEFIRE_SHARED", ROOT.parent / "shared"))
ZIP = SHARED / "external" / "ngec_guardian_sdf" / "Guardian_SDF_sample.csv.zip"
RESERVED_ROWS = 60  # rows 0..59: outside measurement only
EXCLUDED = ("future", "hypothetical")  # the target leaves these aside
TO_COME = "demanded"  # an act demanded, not yet done: reported both aside and counted
HASHLIKE = re.compile(r"[0-9a-f]{16,}")


def write_rows(out: Path) -> int:
    """The CSV header and the data rows from RESERVED_ROWS on; returns how many rows were written."""
    csv.field_size_limit(2**31 - 1)
    with zipfile.ZipFile(ZIP) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".csv"))
        with zf.open(name) as raw, out.open("w", encoding="utf-8", newline="") as fh:
            reader = csv.reader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))
            writer = csv.writer(fh)
            writer.writerow(next(reader))
            n = 0
            for i, row in enumerate(reader):
                if i < RESERVED_ROWS:
                    continue
                writer.writerow(row)
                n += 1
    return n


def period(value: str | None) -> tuple[str | None, str | None]:
    """The first and last day of a stated date prefix ("2016", "2016-06", "2016-06-04")."""
    if not value:
        return None, None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return value, value
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return f"{value}-01", f"{value}-{last:02d}"
    return f"{value}-01-01", f"{value}-12-31"


def measure(db: Path) -> dict[str, float | int]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    cols = {r[1] for r in con.execute("PRAGMA table_info(events)")}
    windowed = {"date_start", "date_end"} <= cols
    sel = "e.date_start, e.date_end" if windowed else "NULL, NULL"
    rows = con.execute(
        f"SELECT e.date, e.date_precision, e.status, a.published, {sel} "
        "FROM events e JOIN articles a ON a.article_id = e.article_id"
    ).fetchall()
    n = len(rows)
    dated = counted = closed = after = demanded = demanded_closed = 0
    for date, _prec, status, published, start, end in rows:
        if not windowed:
            start, end = period(date)
        if start or end or date:
            dated += 1
        if status not in EXCLUDED:
            ok = bool(end and published and end <= published)
            if status == TO_COME:
                demanded += 1
                demanded_closed += ok
            else:
                counted += 1
                closed += ok
        first = start or period(date)[0]
        if status == "asserted" and first and published and first > published:
            after += 1
    arts = con.execute("SELECT title, publisher, url FROM articles").fetchall()
    with_outlet = sum(1 for _t, p, _u in arts if p)
    named = sum(1 for t, _p, _u in arts if t and t.strip() and not HASHLIKE.search(t))
    con.close()
    return {
        "articles": len(arts),
        "articles_with_outlet": with_outlet,
        "articles_with_title_or_name": named,
        "events": n,
        "events_dated": dated,
        "events_counted": counted,
        "window_closed_by_publication": closed,
        "demanded": demanded,
        "demanded_closed": demanded_closed,
        "asserted_after_publication": after,
        "windowed_store": int(windowed),
    }


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--db", type=Path, help="database to use (ingested into unless it holds events)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary CSV and database")
    args = ap.parse_args(argv)
    if not ZIP.is_file():
        print(f"{ZIP}: not found (needs ../shared beside the checkout)", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="guardian_feed_"))
    db = args.db or tmp / "guardian.db"
    if not (db.exists() and db.stat().st_size > 0):
        csv_path = tmp / "guardian_rows60.csv"
        rows = write_rows(csv_path)
        print(f"ingesting {rows} rows (from row {RESERVED_ROWS} on) into {db}", flush=True)
        # The CLI through this interpreter (so PYTHONPATH can point at another checkout).
        cli = [sys.executable, "-c", "from ceasefire.cli import main; main()"]
        done = subprocess.run(
            [*cli, "ingest", str(csv_path), "--db", str(db)], capture_output=True, text=True
        )
        print(done.stdout.strip())
        print(done.stderr.strip()[-2000:])
        if done.returncode not in (0, 1):
            print(f"ingest failed with exit code {done.returncode}", file=sys.stderr)
            return 1
    m = measure(db)
    counted = m["events_counted"] or 1
    print(f"articles: {m['articles']}; with an outlet {m['articles_with_outlet']}", end="")
    print(f", with a title or readable name {m['articles_with_title_or_name']}")
    print(
        f"events: {m['events']}; dated (date or window) {m['events_dated']} ({m['events_dated'] / (m['events'] or 1):.1%})"
    )
    print(
        f"window ending on or before publication ({', '.join(EXCLUDED)} and {TO_COME} aside): "
        f"{m['window_closed_by_publication']}/{m['events_counted']} "
        f"({m['window_closed_by_publication'] / counted:.1%}; target >= 98%)"
    )
    both = m["window_closed_by_publication"] + m["demanded_closed"]
    print(
        f"  counting {TO_COME} events too: {both}/{m['events_counted'] + m['demanded']} "
        f"({both / ((m['events_counted'] + m['demanded']) or 1):.1%}; "
        f"{m['demanded_closed']} of {m['demanded']} {TO_COME} acts closed)"
    )
    print(f"asserted events dated after publication: {m['asserted_after_publication']} (target 0)")
    print(f"store has date_start/date_end: {'yes' if m['windowed_store'] else 'no'}")
    if not args.keep and args.db is None:
        for p in sorted(tmp.iterdir()):
            p.unlink()
        tmp.rmdir()
    elif args.db is None:
        print(f"kept {tmp}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
