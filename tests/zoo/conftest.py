"""The bad-input zoo's fixtures: the real CLI in subprocesses, a real `ceasefire serve` on
loopback, real HTTP servers, real files and folders, and what a store holds.

Every CLI run goes through :func:`run_cli`, which fails the test on a traceback: nothing a
user can hit may print one.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pytest

REPO = Path(__file__).resolve().parents[2]
_EXE = REPO / ".venv" / "bin" / "ceasefire"
CLI = [str(_EXE)] if _EXE.exists() else [sys.executable, "-m", "ceasefire.cli"]
# Articles in the shared query store: enough that a search which re-ran once per matching
# article (finding 5) would take seconds, few enough to build in about two.
N_ARTICLES = 600
SERVE_STARTUP_S = 60


@dataclass
class Ran:
    code: int
    out: str
    err: str
    seconds: float

    def errors(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith("error:")]

    def notes(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith("note:")]


def run_cli(
    *args: object,
    timeout: float = 120,
    cwd: Path | None = None,
    preexec_fn: Callable[[], None] | None = None,
) -> Ran:
    """``ceasefire ARGS`` in a subprocess, as a user runs it; fails the test on a traceback."""
    start = time.monotonic()
    proc = subprocess.run(
        [*CLI, *map(str, args)],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=timeout,
        cwd=cwd or REPO,
        stdin=subprocess.DEVNULL,
        preexec_fn=preexec_fn,
        env={**os.environ, "COLUMNS": "200"},
    )
    ran = Ran(proc.returncode, proc.stdout, proc.stderr, time.monotonic() - start)
    assert "Traceback" not in ran.err + ran.out, f"ceasefire {' '.join(map(str, args))}:\n{ran.err[-3000:]}"
    return ran


def snapshot(db: Path) -> dict[str, object]:
    """What the store at ``db`` holds: row counts and a checksum of the stored content."""
    con = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        out: dict[str, object] = {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "articles", "events", "quotes", "errors")
        }
        digest = hashlib.sha256()
        for row in con.execute("SELECT doc_id, idx, title, text FROM articles ORDER BY doc_id, idx"):
            digest.update(repr(row).encode())
        for row in con.execute("SELECT type, sentence FROM events ORDER BY id"):
            digest.update(repr(row).encode())
        out["checksum"] = digest.hexdigest()
        return out
    finally:
        con.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Served:
    """A running `ceasefire serve`: its base URL and process."""

    base: str
    proc: subprocess.Popen[bytes]

    def get(
        self, path: str, *, method: str = "GET", host: str | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        """(status, headers with lower-case names, body) of one request; HTTP errors included."""
        req = urllib.request.Request(self.base + path, method=method)
        if host is not None:
            req.add_unredirected_header("Host", host)
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return resp.status, {k.lower(): v for k, v in resp.headers.items()}, resp.read()
        except urllib.error.HTTPError as exc:
            return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()


def start_serve(db: Path, *extra: str, preexec_fn: Callable[[], None] | None = None) -> Served:
    """`ceasefire serve --db DB` on a free loopback port, once it answers."""
    port = free_port()
    proc = subprocess.Popen(
        [*CLI, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port), *extra],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        preexec_fn=preexec_fn,
    )
    served = Served(f"http://127.0.0.1:{port}", proc)
    deadline = time.monotonic() + SERVE_STARTUP_S
    while True:
        try:
            served.get("/favicon.ico")
            return served
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
                pytest.fail(f"ceasefire serve did not start: {err[-2000:]}")
            time.sleep(0.1)


def stop_serve(served: Served) -> str:
    """Stop the server; what it printed on stderr (checked for tracebacks)."""
    served.proc.terminate()
    try:
        _, err = served.proc.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        served.proc.kill()
        _, err = served.proc.communicate()
    text = err.decode(errors="replace") if err else ""
    assert "Traceback" not in text, text[-3000:]
    return text


STORY = "{who} shelled {where} on {day}, killing {n} civilians, the Syrian Observatory said.\n"
# Article text that would drive a terminal if printed raw: OSC 0 (window title), OSC 52
# (clipboard), CSI through its C1 form, BEL, a C1 NEL.
HOSTILE = (
    "Government forces shelled rebel positions in eastern Aleppo on Monday \x1b]0;pwned-title\x07, "
    "killing four fighters, the Syrian Observatory for Human Rights said.\n\n"
    '"We were hit all night \x1b]52;c;ZWNobyBwd25lZA==\x07 without pause," a rebel commander told Reuters.\n\n'
    "Russian jets also bombed the town of Saraqeb \x9b31m in Idlib province on Tuesday, residents said.\x85\n"
)
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def story(i: int) -> str:
    who = ("Government forces", "Rebel fighters", "Russian jets", "Turkish artillery", "ISIS militants")[
        i % 5
    ]
    where = ("Aleppo", "Idlib", "Hama", "Homs", "Raqqa", "Deir ez-Zor")[i % 6]
    day = ("Monday", "Tuesday", "Wednesday")[i % 3]
    return STORY.format(who=who, where=where, day=day, n=i + 2)


class Summary(NamedTuple):
    ok: int
    failed: int
    already: int
    articles: int
    events: int
    quotes: int


_SUMMARY = re.compile(
    r"(\d+) documents ok, (\d+) failed(?:, (\d+) already stored)?, (\d+) articles, (\d+) events, (\d+) quotes"
)


def summary(err: str) -> Summary:
    """The counts of a run's summary line (its last line on stderr)."""
    m = _SUMMARY.fullmatch(err.strip().splitlines()[-1])
    assert m, err
    return Summary(*(int(g or 0) for g in m.groups()))


@dataclass
class Raced:
    folder: Path
    files: int
    db: Path
    summaries: tuple[Summary, Summary]


@pytest.fixture(scope="session")
def raced(tmp_path_factory: pytest.TempPathFactory) -> Raced:
    """Two real `ceasefire ingest` runs (with the NLP) at once over one folder into one new
    store: five stories, the hostile article, and a byte-for-byte copy of one story."""
    root = tmp_path_factory.mktemp("zoo-race")
    folder = root / "news"
    folder.mkdir()
    for i in range(5):
        (folder / f"s{i}.txt").write_text(story(i) + story(i + 7), encoding="utf-8")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "s0-copy.txt").write_bytes((folder / "s0.txt").read_bytes())
    db = root / "race.db"
    procs = [
        subprocess.Popen(
            [*CLI, "ingest", str(folder), "--db", str(db)],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    errs = [p.communicate(timeout=600)[1] for p in procs]
    for p, err in zip(procs, errs, strict=True):
        assert p.returncode == 0 and "Traceback" not in err, err
    return Raced(folder, 7, db, (summary(errs[0]), summary(errs[1])))


@pytest.fixture(scope="session")
def query_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of generated articles and events, written through the Store API (the fast way to
    many articles; the ingest path has its own zoo cases)."""
    from ceasefire.store import open_store
    from ceasefire.web.synthetic import synthetic_records

    db = tmp_path_factory.mktemp("zoo-query") / "query.db"
    with open_store(str(db)) as store:
        for doc, recs in synthetic_records(N_ARTICLES, events_per_article=1, seed=13):
            store.save_document(doc, recs)
    return db


@pytest.fixture(scope="session")
def served(query_db: Path) -> Iterator[Served]:
    s = start_serve(query_db)
    yield s
    stop_serve(s)


# -- an unreadable folder, also for root -------------------------------------------------

_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE = 1
_CAP_DAC_READ_SEARCH = 2


def _drop_file_capabilities() -> None:
    """In the child before exec: give up root's right to read any file (CAP_DAC_OVERRIDE,
    CAP_DAC_READ_SEARCH) from the capability bounding set, so that the program exec'd
    runs with them gone and file modes apply to it as to any user."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            os._exit(97)


def unreadable_runner(folder: Path) -> Callable[[], None] | None:
    """How to run the CLI so that ``folder`` (mode 000) cannot be read: as is for a user; for
    root, without its capabilities to override file modes. Skips when neither works."""
    folder.chmod(0)
    if os.geteuid() != 0:
        try:
            os.listdir(folder)
        except PermissionError:
            return None
        pytest.skip("a mode-000 folder is readable here, and we are not root: no way to make one unreadable")
    probe = subprocess.run(
        [sys.executable, "-c", "import os, sys; os.listdir(sys.argv[1])", str(folder)],
        preexec_fn=_drop_file_capabilities,
        capture_output=True,
        text=True,
    )
    if probe.returncode == 97 or "PermissionError" not in probe.stderr:
        pytest.skip(
            "running as root, and dropping CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH did not make a "
            f"mode-000 folder unreadable (exit {probe.returncode}): cannot reproduce an unreadable folder"
        )
    return _drop_file_capabilities
