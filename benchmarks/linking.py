"""Event linking at scale: time and peak memory of linking 10,000 and 100,000 events.

The events are real ones resampled and perturbed: ``ceasefire extract`` codes
the Guardian SDF rows 60 and later (``../shared/external``; rows 0-59 are never
read), and its linkable events (dated to a month or better, placed in a
country) are the seeds. Each synthetic underlying event copies a seed and is
reported 1-4 times: coordinates moved up to 3 km, the date up to a day, the
source or target dropped with probability 0.3. The underlying events are
spread over a period that grows with ``n`` (50 reports a day, the density of a
busy conflict feed), so a larger store is a longer one, not a denser one.

Reports are stored five to an article through the real ``Store.save_document``
into a fresh SQLite store, which links each event at ingest. Printed per size:
seconds spent linking (``_link_events``), seconds in all, peak resident memory
of the process (each size runs in its own process), clusters and mentions per
cluster, and the growth of the linking time from the smaller size to the
larger against n and n log n.

Measured 2026-12-08 on the shared 2-core machine (1,451 seed events): 10,000 events
linked in 11.8 s (17.0 s with storing), peak RSS 98 MB; 100,000 in 173.7 s (241.7 s),
163 MB. Linking time grew x14.7 for n x10 (n log n: x12.5), so the n log n target is
not met on this run.

Run from the repository root::

    .venv/bin/python benchmarks/linking.py [--sizes 10000,100000]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GUARDIAN = ROOT / ".." / "shared" / "external" / "ngec_guardian_sdf" / "Guardian_SDF_sample.csv.zip"
FIRST_GUARDIAN_ROW = 60
CACHE = Path(tempfile.gettempdir()) / "ceasefire-linking-seeds.jsonl"
PER_DAY = 50
PER_ARTICLE = 5


def seeds() -> list[dict]:
    """The linkable events coded from the Guardian rows 60+ (extracted once, then cached)."""
    if not CACHE.is_file():
        csv.field_size_limit(1 << 30)
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "guardian_60plus.csv"
            with zipfile.ZipFile(GUARDIAN) as z, z.open(z.namelist()[0]) as raw:
                rows = list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")))[FIRST_GUARDIAN_ROW:]
            with src.open("w", encoding="utf-8", newline="") as f:
                w = csv.DictWriter(f, fieldnames=["id", "date", "source", "text"])
                w.writeheader()
                for i, r in enumerate(rows, FIRST_GUARDIAN_ROW):
                    w.writerow({"id": i, "date": r["date"], "source": r["source"], "text": r["text"]})
            out = Path(tmp) / "out.jsonl"
            subprocess.run(
                [sys.executable, "-m", "ceasefire.cli", "extract", str(src), "--out", str(out)], check=True
            )
            events = []
            for line in out.read_text(encoding="utf-8").splitlines():
                events += json.loads(line)["events"]
        CACHE.write_text("\n".join(json.dumps(e) for e in events), encoding="utf-8")
    from ceasefire.linking.coref import LINKABLE_STATUSES

    return [
        e
        for e in map(json.loads, CACHE.read_text(encoding="utf-8").splitlines())
        if e["status"] in LINKABLE_STATUSES
        and e.get("date_start")
        and e.get("location")
        and e["location"].get("country")
        and (dt.date.fromisoformat(e["date_end"]) - dt.date.fromisoformat(e["date_start"])).days < 31
    ]


def reports(n: int, rng: random.Random) -> list:
    from ceasefire.models import Event

    pool = [Event.from_json(e) for e in seeds()]
    days = max(1, n // PER_DAY)
    base = dt.date(2000, 1, 1)
    out: list = []
    while len(out) < n:
        seed = rng.choice(pool)
        day = base + dt.timedelta(days=rng.randrange(days))
        span = (dt.date.fromisoformat(seed.date_end) - dt.date.fromisoformat(seed.date_start)).days
        for _ in range(rng.randint(1, 4)):
            d0 = day + dt.timedelta(days=rng.choice((-1, 0, 0, 0, 1)))
            loc = seed.location
            if loc.lat is not None and loc.lon is not None:
                loc = replace(
                    loc, lat=loc.lat + rng.uniform(-0.027, 0.027), lon=loc.lon + rng.uniform(-0.027, 0.027)
                )
            out.append(
                replace(
                    seed,
                    location=loc,
                    date=d0.isoformat() if span == 0 else None,
                    date_start=d0.isoformat(),
                    date_end=(d0 + dt.timedelta(days=span)).isoformat(),
                    source=None if rng.random() < 0.3 else seed.source,
                    target=None if rng.random() < 0.3 else seed.target,
                    casualties=[],
                )
            )
    rng.shuffle(out)
    return out[:n]


def run_one(n: int, seed: int) -> dict:
    from ceasefire.models import Article, Document, ExtractRecord
    from ceasefire.store import open_store
    from ceasefire.store.clusters import ClustersMixin

    rng = random.Random(seed)
    evs = reports(n, rng)
    spent = [0.0]
    link = ClustersMixin._link_events

    def timed(self, article_id):  # the store's own linking, timed
        t = time.perf_counter()
        try:
            return link(self, article_id)
        finally:
            spent[0] += time.perf_counter() - t

    ClustersMixin._link_events = timed
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "bench.db")) as st:
        for i in range(0, n, PER_ARTICLE):
            text = f"Synthetic report {i}: " + " ".join(f"w{i}x{j}" for j in range(30))
            doc = Document(source=f"bench/{i}", data=text.encode(), media_type="text", meta={})
            art = Article(index=0, role="primary", title=f"r{i}", text=text, publisher=f"outlet{i % 7}")
            st.save_document(
                doc, [ExtractRecord(doc.doc_id, doc.source, art, events=evs[i : i + PER_ARTICLE])]
            )
        counts = st.link_counts()
    total = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"n": n, "link_s": spent[0], "total_s": total, "peak_mb": peak_mb, "counts": counts}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child process: one size
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.seed)))
        return 0
    if not GUARDIAN.is_file():
        print(f"needs the Guardian SDF sample: {GUARDIAN}")
        return 2
    print(f"{len(seeds())} linkable seed events from the Guardian rows {FIRST_GUARDIAN_ROW}+")
    results = []
    for n in (int(x) for x in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--seed", str(args.seed)],
            check=True,
            capture_output=True,
            text=True,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        results.append(r)
        c = r["counts"]
        print(
            f"n={n:>7}: linking {r['link_s']:7.1f} s, all {r['total_s']:7.1f} s, peak RSS {r['peak_mb']:6.0f} MB, "
            f"{c.get('clusters', 0)} clusters, {c.get('linked', 0) / max(1, c.get('clusters', 1)):.2f} reports each"
        )
    if len(results) >= 2:
        a, b = results[0], results[-1]
        k = b["n"] / a["n"]
        print(
            f"growth {a['n']} -> {b['n']}: linking time x{b['link_s'] / a['link_s']:.1f}; "
            f"n x{k:.1f}, n log n x{k * math.log(b['n']) / math.log(a['n']):.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
