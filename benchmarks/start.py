"""Start-up: how long a user waits for the commands of a set-up install, and their peak memory.

Runs the installed ``ceasefire`` command (the console script beside this
Python, as a user types it), each a few times in a fresh process, with the
indexes already built (``scripts/bootstrap`` builds them):

- ``extract`` on a file of one sentence (limit 2 s, 400 MB peak RSS);
- ``run`` on the bundled examples into a new database (limit 10 s);
- the query commands ``events``, ``actors``, ``articles``, ``quotes`` (and
  ``ledger`` when the install has it) on that database (limit 1 s each);
- ``serve`` until its port accepts a connection and ``/`` answers (limit 1 s).

Wall time is the median and the worst of ``--repeat`` runs; peak RSS is the
child's own (``ru_maxrss`` from ``wait4``), the worst run's. The machine and
its load average are recorded: on a shared machine the load says how much
the figures are worth. Writes JSON (``--out``) and prints a table.

Usage:
    .venv/bin/python benchmarks/start.py [--repeat 5] [--out benchmarks/start.json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = (
    "Russian aircraft struck rebel positions near Aleppo on Monday, the Syrian defence ministry said.\n"
)
LIMITS = {"extract": (2.0, 400.0), "run": (10.0, None), "query": (1.0, None), "serve": (1.0, None)}


def ceasefire() -> list[str]:
    exe = Path(sys.executable).with_name("ceasefire")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "ceasefire.cli"]


def timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS MB) of one run of ``cmd``; its failure stops the benchmark."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(
            f"{' '.join(cmd)} failed ({proc.returncode}): {err.decode(errors='replace')[-1500:]}"
        )
    return wall, usage.ru_maxrss / 1024  # kB on Linux


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_until_listening(cmd: list[str], db: Path, cwd: Path, timeout: float = 60) -> float:
    """Seconds from starting ``serve`` until ``/`` answers 200."""
    port = free_port()
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [*cmd, "serve", "--db", str(db), "--port", str(port)],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while time.perf_counter() - t0 < timeout:
            if proc.poll() is not None:
                raise SystemExit(f"serve exited with {proc.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    listening = time.perf_counter() - t0
                break
            except OSError:
                time.sleep(0.01)
        else:
            raise SystemExit(f"serve did not listen within {timeout} s")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as r:
            if r.status != 200:
                raise SystemExit(f"serve answered {r.status}")
        return listening
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def has_command(cmd: list[str], name: str) -> bool:
    out = subprocess.run([*cmd, name, "--help"], capture_output=True)
    return out.returncode == 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "start.json")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from scale import machine  # the same description of the machine as benchmarks/scale.py

    cmd = ceasefire()
    tmp = Path(tempfile.mkdtemp(prefix="ceasefire-start-"))
    one = tmp / "one.txt"
    one.write_text(SENTENCE, encoding="utf-8")
    db = tmp / "examples.db"
    queries = [q for q in ("events", "actors", "articles", "quotes", "ledger") if has_command(cmd, q)]

    cases: dict[str, list[tuple[float, float]]] = {}
    load_start = os.getloadavg()
    timed([*cmd, "extract", str(one), "-o", str(tmp / "warm.jsonl"), "-q"], tmp)  # page cache warm
    for i in range(args.repeat):
        cases.setdefault("extract one sentence", []).append(
            timed([*cmd, "extract", str(one), "-o", str(tmp / "one.jsonl"), "-q"], tmp)
        )
        run_db = tmp / f"run-{i}.db"
        cases.setdefault("run (bundled examples)", []).append(
            timed([*cmd, "run", "--db", str(run_db), "-q"], tmp)
        )
        if i == 0:
            shutil.copy(run_db, db)
        for q in queries:
            cases.setdefault(q, []).append(timed([*cmd, q, "--db", str(db)], tmp))
        cases.setdefault("serve until / answers", []).append((serve_until_listening(cmd, db, tmp), 0.0))

    rows = []
    for name, runs in cases.items():
        walls = [w for w, _ in runs]
        kind = (
            "extract"
            if name.startswith("extract")
            else "run"
            if name.startswith("run")
            else "serve"
            if name.startswith("serve")
            else "query"
        )
        limit_s, limit_mb = LIMITS[kind]
        peak = max(m for _, m in runs)
        rows.append(
            {
                "command": name,
                "median_s": round(statistics.median(walls), 2),
                "worst_s": round(max(walls), 2),
                "limit_s": limit_s,
                "peak_rss_mb": round(peak) if peak else None,
                "limit_mb": limit_mb,
                "within_limits": statistics.median(walls) <= limit_s
                and (limit_mb is None or peak <= limit_mb),
            }
        )
    result = {
        "machine": machine(),
        "when": time.strftime("%Y-%m-%d %H:%M"),
        "repeat": args.repeat,
        "load_average_at_start": load_start,
        "load_average_at_end": os.getloadavg(),
        "command": " ".join(cmd),
        "rows": rows,
    }
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"{result['machine']}; load average {load_start[0]:.2f} at start, {os.getloadavg()[0]:.2f} at end")
    print(f"{'command':28} {'median s':>9} {'worst s':>8} {'limit s':>8} {'peak MB':>8}  ok")
    for r in rows:
        mb = "" if r["peak_rss_mb"] is None else str(r["peak_rss_mb"])
        print(
            f"{r['command']:28} {r['median_s']:9.2f} {r['worst_s']:8.2f} {r['limit_s']:8.1f} {mb:>8}  "
            f"{'yes' if r['within_limits'] else 'NO'}"
        )
    print(f"written {args.out}")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
