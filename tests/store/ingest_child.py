"""Child process of test_crash.py: ingest N synthetic documents into a store.

    python ingest_child.py URL N

Prints one line per step ("begin i", "saved i", "skipped i", "raced i") and
"done" at the end, flushing each, so the parent can kill it mid-run.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from store_records import EVENTS_PER_ARTICLE, articles_of, bulk_records, document  # noqa: E402

from ceasefire.store import open_store  # noqa: E402


def main(url: str, n: int) -> None:
    with open_store(url) as store:
        for i in range(n):
            doc = document(i, n_bytes=2000)
            if store.has_document(doc.doc_id):
                print(f"skipped {i}", flush=True)
                continue
            records = bulk_records(doc, articles_of(i), EVENTS_PER_ARTICLE)
            print(f"begin {i}", flush=True)  # from here to "saved" the child is inside save_document
            saved = store.save_document(doc, records)
            print(f"{'saved' if saved else 'raced'} {i}", flush=True)
    print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
