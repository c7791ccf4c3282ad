"""The progress display of a run (``extract``, ``ingest``, ``run``) on stderr.

On a terminal it is a bar (``tqdm``: documents done of the total, the rate,
the ETA), redrawn in place, and gone when the run ends, leaving the summary.
It is on by default only there: a log file or a pipe gets nothing unless
``--progress`` asks for it, and then it gets plain lines, one every
:data:`LOG_INTERVAL_S` seconds and a last one at the end (no carriage
returns, so the log stays readable). ``--no-progress`` turns it off on a
terminal too. Errors, notes and the Dask dashboard line are printed above
the bar in every case (unless ``--quiet``).

tqdm: a well-kept library that already computes a smoothed rate and ETA and
redraws cleanly around the lines written above it; not rewritten here.
"""

from __future__ import annotations

import sys
from typing import IO, Any

import click

from .models import InputError
from .pipeline import DocumentResult
from .terminal import inert

LOG_INTERVAL_S = 10.0  # not a terminal: one progress line this often at most
LOG_COLUMNS = 100
LOG_FORMAT = "progress: {n_fmt}/{total_fmt} documents, {rate_fmt}, {elapsed} elapsed, ETA {remaining}"


class _Lines:
    """A file for tqdm that turns its in-place redraws into whole lines (a log, a pipe)."""

    def __init__(self, out: IO[str]):
        self.out = out

    def write(self, s: str) -> int:
        text = " ".join(s.replace("\x1b[A", "").split())
        if text:
            self.out.write(text + "\n")
        return len(s)

    def flush(self) -> None:
        self.out.flush()


class Progress:
    """Documents done, rate and ETA on stderr; ``show`` None = only on a terminal."""

    def __init__(self, quiet: bool, show: bool | None = None, unit: str = "doc"):
        from tqdm import tqdm

        self.quiet = quiet
        terminal = sys.stderr.isatty()
        enabled = (terminal if show is None else show) and not quiet
        self.terminal = terminal
        self.bar = tqdm(
            unit=unit,
            disable=not enabled,
            file=sys.stderr if terminal else _Lines(sys.stderr),
            dynamic_ncols=terminal,
            ncols=None if terminal else LOG_COLUMNS,
            mininterval=0.1 if terminal else LOG_INTERVAL_S,
            leave=not terminal,  # a log keeps its last line; a terminal keeps the summary only
            bar_format=None if terminal else LOG_FORMAT,
        )

    def info(self, line: str) -> None:
        """A line on stderr above the bar (the Dask dashboard address), unless quiet."""
        if not self.quiet:
            self._say(line)

    def total(self, n: int) -> None:
        self.bar.total = n
        self.bar.refresh()

    def __call__(self, item: DocumentResult | InputError) -> None:
        if isinstance(item, InputError):
            self._say(f"error: {item.source}: {item.reason}")
        elif not item.skipped:
            # What reading had to decide (a code page detected, bytes replaced): one line each.
            for note in item.document.meta.get("notes", []):
                self._say(f"note: {item.document.source}: {note}")
        self.bar.update(1)

    def _say(self, line: str) -> None:
        line = inert(line)
        if self.bar.disable or not self.terminal:
            click.echo(line, err=True)
        else:
            self.bar.write(line, file=sys.stderr)

    def close(self) -> None:
        self.bar.close()


def progress_option(fn: Any) -> Any:
    """``--progress/--no-progress`` -> ``progress=True/False/None`` (None: on a terminal)."""
    return click.option(
        "--progress/--no-progress",
        default=None,
        help="Show documents done, rate and ETA on stderr (default: when stderr is a terminal).",
    )(fn)
