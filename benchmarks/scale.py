"""Scale: `ceasefire ingest` at 1k, 5k and 10k distinct articles, 1 vs 2 workers, SQLite and PostgreSQL.

Builds each input from the shared corpora (:mod:`ceasefire.scale.sample`: every
article distinct), then runs the real command line, as a user would, in a
child process, and samples the memory of every process of its tree (the
driver, the Dask nannies and workers) every 0.2 s:

    ceasefire ingest articles.jsonl --db DB --workers W -q

and states, per run: words/s, articles/s, seconds per article, peak RSS of the
driver and of the biggest worker. Side by side in the same run, bare spaCy
``nlp.pipe`` (the same model) reads the texts of the 1k input in this
process: the ratio to it is given per process (the run's words/s divided by
the number of workers). Time per article is given both as wall time / N and
without the fixed start-up (the wall time of the same command on one
article: starting the cluster and loading the models), which is what must
stay flat from 1k to 10k. The figures are written as JSON (``--out``).

Usage:
    .venv/bin/python benchmarks/scale.py [--sizes 1000,5000,10000] [--workers 2]
        [--compare-size 1000] [--no-postgres | --postgres-size N] [--out benchmarks/scale.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
START_PG = ROOT / "scripts" / "start-postgres.sh"


def words_of(path: Path) -> tuple[list[str], int]:
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    return texts, sum(len(re.findall(r"\w+", t)) for t in texts)


class TreeMemory:
    """Peak RSS of a process and of each of its descendants, sampled in a thread."""

    def __init__(self, pid: int, every: float = 0.2):
        self.root = psutil.Process(pid)
        self.peak: dict[int, int] = {}
        self.every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                break
            for p in procs:
                try:
                    rss = p.memory_info().rss
                except psutil.Error:
                    continue
                self.peak[p.pid] = max(self.peak.get(p.pid, 0), rss)
            time.sleep(self.every)

    def stop(self) -> tuple[int, int]:
        """(driver peak, biggest other process's peak), in bytes."""
        self._stop.set()
        self._thread.join()
        driver = self.peak.get(self.root.pid, 0)
        others = [v for k, v in self.peak.items() if k != self.root.pid]
        return driver, max(others, default=0)


def ingest(src: Path, db: str, workers: int) -> dict[str, float]:
    cmd = [sys.executable, "-m", "ceasefire.cli", "ingest", str(src), "--db", db, "-q"]
    if workers > 1:
        cmd += ["--workers", str(workers)]
    t0 = time.perf_counter()
    # in the inputs' temporary folder: a PostgreSQL run puts its partitions under ./ceasefire-runs/
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=src.parent)
    mem = TreeMemory(proc.pid)
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    driver, worker = mem.stop()
    if proc.returncode != 0:
        raise SystemExit(f"{shlex.join(cmd)} failed ({proc.returncode}): {err.strip()[-2000:]}")
    return {"wall_s": wall, "driver_peak_rss_mb": driver / 1e6, "worker_peak_rss_mb": worker / 1e6}


def bare_spacy(texts: list[str], words: int) -> float:
    from ceasefire.nlp import load_model

    nlp = load_model()
    list(nlp.pipe(texts[:20]))  # warm-up
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return words / (time.perf_counter() - t0)


class Postgres:
    def __enter__(self) -> str:
        env = {**os.environ, "CEASEFIRE_PG_WATCH_PID": str(os.getpid())}
        out = subprocess.run(["bash", str(START_PG)], capture_output=True, text=True, env=env, timeout=600)
        if out.returncode != 0:
            raise SystemExit(f"scripts/start-postgres.sh failed: {out.stderr.strip()[-500:]}")
        self.exports = dict(
            shlex.split(line[len("export ") :])[0].split("=", 1)
            for line in out.stdout.splitlines()
            if line.startswith("export ")
        )
        return self.exports["CEASEFIRE_TEST_PG_URL"]

    def __exit__(self, *exc: object) -> None:
        subprocess.run(["bash", str(START_PG), "stop", self.exports["CEASEFIRE_PG_DIR"]], capture_output=True)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = psutil.virtual_memory().total / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, {platform.system()} {platform.release()}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,5000,10000")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--compare-size", type=int, default=1000, help="size of the 1-worker run")
    ap.add_argument("--no-postgres", action="store_true", help="skip the PostgreSQL run")
    ap.add_argument(
        "--postgres-size", type=int, default=None, help="size of the PostgreSQL run (default: the largest)"
    )
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "scale.json")
    args = ap.parse_args(argv)

    from ceasefire.scale import sample

    why = sample.available()
    if why:
        print(f"needs the shared corpora: {why}", file=sys.stderr)
        return 2
    sizes = [int(s) for s in args.sizes.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="ceasefire-scale-"))
    inputs = {}
    for n in sorted({*sizes, args.compare_size, args.postgres_size or max(sizes), 1}):
        inputs[n] = tmp / f"articles-{n}.jsonl"
        sample.write_jsonl(inputs[n], n)
    base_texts, base_words = words_of(inputs[args.compare_size])
    result: dict[str, object] = {"machine": machine(), "when": time.strftime("%Y-%m-%d %H:%M"), "runs": []}
    result["load_average_at_start"] = os.getloadavg()
    bare = bare_spacy(base_texts, base_words)
    result["bare_spacy_words_per_s"] = bare
    print(f"bare spaCy nlp.pipe: {bare:,.0f} words/s ({base_words:,} words, {len(base_texts)} articles)")

    def run(n: int, workers: int, backend: str, url: str | None = None) -> dict[str, object]:
        db = url or str(tmp / f"w{workers}-{n}.db")
        # start-up: the same command on one article (cluster, models; an SQLite file each time)
        startup = ingest(inputs[1], str(tmp / f"w{workers}-{n}-{backend}-startup.db"), workers)["wall_s"]
        r = ingest(inputs[n], db, workers)
        _, words = words_of(inputs[n])
        wall = float(r["wall_s"])
        row = {
            "articles": n,
            "workers": workers,
            "store": backend,
            "words": words,
            "wall_s": round(wall, 1),
            "startup_s": round(startup, 1),
            "words_per_s": round(words / wall),
            "articles_per_s": round(n / wall, 2),
            "s_per_article": round(wall / n, 4),
            "s_per_article_after_startup": round((wall - startup) / n, 4),
            "ratio_to_bare_spacy_per_process": round(words / wall / workers / bare, 3),
            "driver_peak_rss_mb": round(float(r["driver_peak_rss_mb"])),
            "worker_peak_rss_mb": round(float(r["worker_peak_rss_mb"])),
        }
        print(json.dumps(row), flush=True)
        result["runs"].append(row)  # type: ignore[union-attr]
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        return row

    one = run(args.compare_size, 1, "sqlite")
    rows = [run(n, args.workers, "sqlite") for n in sizes]
    two = next(r for r in rows if r["articles"] == args.compare_size) if args.compare_size in sizes else None
    if two is None:
        two = run(args.compare_size, args.workers, "sqlite")
    result["speedup_2_vs_1_worker"] = round(float(one["wall_s"]) / float(two["wall_s"]), 2)
    per_article = [float(r["s_per_article_after_startup"]) for r in rows]
    result["s_per_article_spread"] = round(max(per_article) / min(per_article) - 1, 3)
    if not args.no_postgres:
        with Postgres() as url:
            run(args.postgres_size or max(sizes), args.workers, "postgresql", url)
    result["load_average_at_end"] = os.getloadavg()
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(
        f"speed-up {args.workers} vs 1 worker at {args.compare_size}: {result['speedup_2_vs_1_worker']}x; "
        f"time per article (after start-up) spread over {sizes}: {100 * result['s_per_article_spread']:.1f}%"
    )
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
