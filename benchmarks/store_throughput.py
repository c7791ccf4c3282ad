"""Store throughput, for the record (not a test):

    .venv/bin/python benchmarks/store_throughput.py [URL] [N_DOCS]

Ingests N synthetic documents (2 articles x 20 events each, like a busy news
page) into a fresh store at URL (default: a temp SQLite file), then times
full-text searches and the event query.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "store"))

from store_records import bulk_records, document  # noqa: E402

from ceasefire.store import open_store  # noqa: E402


def main(url: str, n: int) -> None:
    docs = [document(10_000 + i, n_bytes=2000) for i in range(n)]
    payload = [bulk_records(d, 2, 20) for d in docs]
    with open_store(url) as store:
        t0 = time.perf_counter()
        for d, recs in zip(docs, payload, strict=True):
            store.save_document(d, recs)
        t_ingest = time.perf_counter() - t0
        t0 = time.perf_counter()
        for d, recs in zip(docs, payload, strict=True):
            store.save_document(d, recs)
        t_again = time.perf_counter() - t0
        t0 = time.perf_counter()
        for _ in range(20):
            hits = store.search_articles("shelling Aleppo", limit=20)
        t_search = (time.perf_counter() - t0) / 20
        t0 = time.perf_counter()
        events = store.query_events(actor="NUSRA", limit=100)
        t_events = time.perf_counter() - t0
        t0 = time.perf_counter()
        n_read = sum(1 for _ in store.iter_records())
        t_iter = time.perf_counter() - t0
        st = store.stats()
    print(f"{url}: {st.documents} documents, {st.articles} articles, {st.events} events")
    print(f"  ingest      {n / t_ingest:8.0f} documents/s ({st.events / t_ingest:.0f} events/s)")
    print(f"  re-ingest   {n / t_again:8.0f} documents/s (all skipped)")
    print(f"  search      {t_search * 1000:8.1f} ms per query ({len(hits)} hits)")
    print(
        f"  events      {t_events * 1000:8.1f} ms for query_events(actor=..., limit=100) ({len(events)} rows)"
    )
    print(f"  read back   {n_read / t_iter:8.0f} records/s (iter_records)")


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else str(Path(tempfile.mkdtemp()) / "bench.db")
    main(target, int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
