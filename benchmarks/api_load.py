"""Load test of the web API over loopback.

Builds (or reuses) a synthetic store of 10,000 events through the Store API,
starts `ceasefire serve` on it in a subprocess, then sends 2,000 requests,
64 at a time, half to the overview JSON (rotating through filter
combinations, so cold queries are measured too) and half to event pages
(HTML) of random events; prints p50/p99 latency per kind and overall and the
number of errors (non-200 answers or failed connections). Exits 1 on any error.

    .venv/bin/python benchmarks/api_load.py [--events 10000] [--requests 2000] [--concurrency 64]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]


@dataclass
class Result:
    kind: str
    seconds: float
    ok: bool
    order: int = 0  # completion order


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc), or nan elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def _filters() -> list[str]:
    from ceasefire.web.synthetic import ACTORS, CLAIMANTS, PLACES, VERBS

    combos = [""]
    combos += [f"type={t}" for t in sorted(VERBS)]
    combos += [f"actor={a.id}" for a in ACTORS]
    combos += [f"place={p[0]}" for p in PLACES]
    combos += [f"claimant={c.id}" for c in CLAIMANTS]
    combos += [f"since=2016-{m:02d}-01&until=2016-{m:02d}-28" for m in range(1, 13)]
    return combos


async def _run(base: str, n: int, concurrency: int, n_events: int, seed: int) -> list[Result]:
    rng = random.Random(seed)
    combos = _filters()
    jobs: list[tuple[str, str]] = []
    for i in range(n):
        if i % 2 == 0:
            q = combos[(i // 2) % len(combos)]
            jobs.append(("overview.json", f"/overview.json{'?' + q if q else ''}"))
        else:
            jobs.append(("event page", f"/events/{rng.randint(1, n_events)}"))
    queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    for j in jobs:
        queue.put_nowait(j)
    results: list[Result] = []
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:

        async def worker() -> None:
            while True:
                try:
                    kind, path = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                t = time.perf_counter()
                try:
                    r = await client.get(path)
                    ok = r.status_code == 200 and len(r.content) > 0
                except httpx.HTTPError:
                    ok = False
                results.append(Result(kind, time.perf_counter() - t, ok, len(results)))

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=2_000)
    ap.add_argument("--concurrency", type=int, default=64)
    ap.add_argument("--db", help="synthetic store to use/create (default: a temporary file)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", help="also write the figures to this JSON file")
    args = ap.parse_args()

    from ceasefire.web.synthetic import build_store

    tmp = tempfile.TemporaryDirectory()
    db = Path(args.db) if args.db else Path(tmp.name) / "load.db"
    if not db.exists():
        t = time.perf_counter()
        build_store(db, args.events)
        print(f"built a synthetic store of {args.events} events in {time.perf_counter() - t:.1f} s: {db}")
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, logging; from ceasefire.web import create_app; import uvicorn; "
            "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')",
            str(db),
            str(port),
        ],
        cwd=REPO,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(base + "/static/app.css", timeout=2)
                break
            except httpx.HTTPError:
                if server.poll() is not None or time.monotonic() > deadline:
                    print("server did not start", file=sys.stderr)
                    return 1
                time.sleep(0.2)
        cpu0 = _cpu_seconds(server.pid)
        t = time.perf_counter()
        results = asyncio.run(_run(base, args.requests, args.concurrency, args.events, args.seed))
        wall = time.perf_counter() - t
        server_cpu = _cpu_seconds(server.pid) - cpu0
    finally:
        server.terminate()
        server.wait(timeout=10)
        tmp.cleanup()

    report: dict[str, dict[str, float]] = {}
    for kind in ("overview.json", "event page", "all"):
        rs = [r for r in results if kind == "all" or r.kind == kind]
        ms = [r.seconds * 1000 for r in rs]
        report[kind] = {
            "requests": len(rs),
            "errors": sum(not r.ok for r in rs),
            "p50_ms": _pct(ms, 50),
            "p99_ms": _pct(ms, 99),
            "mean_ms": statistics.fmean(ms) if ms else float("nan"),
        }
    print(
        f"{args.requests} requests, {args.concurrency} concurrent, {args.events} events, "
        f"{wall:.1f} s wall, {len(results) / wall:.0f} req/s, server CPU {1000 * server_cpu / len(results):.1f} ms/request, "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    print(f"{'endpoint':15} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
    for kind, r in report.items():
        print(
            f"{kind:15} {r['requests']:8d} {r['errors']:6d} {r['p50_ms']:8.1f} {r['p99_ms']:8.1f} {r['mean_ms']:8.1f}"
        )
    half = len(results) // 2
    for label, part in (("first half", results[:half]), ("second half", results[half:])):
        ms = [r.seconds * 1000 for r in part]
        print(
            f"{label:15} {len(part):8d} {sum(not r.ok for r in part):6d} {_pct(ms, 50):8.1f} {_pct(ms, 99):8.1f} "
            f"{statistics.fmean(ms) if ms else float('nan'):8.1f}"
        )
    if args.json:
        Path(args.json).write_text(
            json.dumps({"wall_s": wall, "server_cpu_s": server_cpu, **report}, indent=2), encoding="utf-8"
        )
    return 1 if report["all"]["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
