"""The progress display of real runs: a bar on a terminal (a real pseudo-terminal), plain
lines in a log with --progress, nothing in a log by default or on a terminal with
--no-progress; under Dask the dashboard address too."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "ceasefire" / "examples"
CLI = [sys.executable, "-m", "ceasefire.cli"]
N_EXAMPLES = 7
LINE = re.compile(r"^progress: (\d+)/(\S+) documents, +(\S+) *(doc/s|s/doc), (\S+) elapsed, ETA (\S+)$")


def _on_terminal(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run the CLI with stderr on a real pseudo-terminal of 120 columns; (exit code, what it drew)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    with open(cwd / "stdout.txt", "wb") as out:
        proc = subprocess.Popen([*CLI, *args], stdin=subprocess.DEVNULL, stdout=out, stderr=slave, cwd=cwd)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed its end
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout=600), b"".join(chunks).decode("utf-8", "replace")


def _lines(stderr: str) -> list[re.Match[str]]:
    return [m for ln in stderr.splitlines() if (m := LINE.match(ln))]


def test_a_terminal_gets_a_bar_with_the_rate(tmp_path: Path) -> None:
    code, drawn = _on_terminal(
        ["extract", str(EXAMPLES), "--no-nlp", "-o", str(tmp_path / "o.jsonl")], tmp_path
    )
    assert code == 0, drawn
    assert "\r" in drawn  # redrawn in place
    assert re.search(rf"\b0/{N_EXAMPLES} \[", drawn), drawn  # the total is known: n/total
    assert "doc/s" in drawn
    assert "progress:" not in drawn  # the log format is for logs only
    assert f"{N_EXAMPLES} documents ok" in drawn  # the summary stays


def test_no_progress_turns_the_bar_off_on_a_terminal(tmp_path: Path) -> None:
    args = ["extract", str(EXAMPLES), "--no-nlp", "--no-progress", "-o", str(tmp_path / "o.jsonl")]
    code, drawn = _on_terminal(args, tmp_path)
    assert code == 0, drawn
    assert "doc/s" not in drawn and "\r" not in drawn.replace("\r\n", "")
    assert f"{N_EXAMPLES} documents ok" in drawn


def test_a_log_gets_no_progress_by_default(tmp_path: Path) -> None:
    run = subprocess.run(
        [*CLI, "extract", str(EXAMPLES), "--no-nlp", "-o", str(tmp_path / "o.jsonl")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    assert "progress:" not in run.stderr and "doc/s" not in run.stderr
    assert "\r" not in run.stderr


def test_progress_in_a_log_is_plain_lines_ending_with_all_done(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    run = subprocess.run(
        [*CLI, "ingest", str(EXAMPLES), "--db", str(db), "--progress"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    assert "\r" not in run.stderr
    lines = _lines(run.stderr)
    assert lines, run.stderr
    last = lines[-1]
    assert (last[1], last[2]) == (str(N_EXAMPLES), str(N_EXAMPLES)), run.stderr
    assert float(last[3]) > 0  # a measured rate
    assert run.stderr.index(last[0]) < run.stderr.index(f"{N_EXAMPLES} documents ok")  # then the summary


def test_quiet_wins_over_progress(tmp_path: Path) -> None:
    run = subprocess.run(
        [*CLI, "extract", str(EXAMPLES), "--no-nlp", "--progress", "-q", "-o", str(tmp_path / "o.jsonl")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0 and run.stderr == "", run.stderr


@pytest.mark.slow
def test_dask_run_shows_the_dashboard_and_progress(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    run = subprocess.run(
        [*CLI, "ingest", str(EXAMPLES), "--db", str(db), "--workers", "2", "--progress"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr
    assert re.search(r"^Dask: 2 workers, dashboard http://[\w.:-]+/status", run.stderr, re.M), run.stderr
    last = _lines(run.stderr)[-1]
    assert (last[1], last[2]) == (str(N_EXAMPLES), str(N_EXAMPLES)), run.stderr
    # distributed's own INFO lines (scheduler, nanny) stay out of the run's output without -v
    assert "distributed." not in run.stderr, run.stderr
