"""Run the plain-text splitter alone over text files and write extract-style JSON Lines.

    python -m ceasefire.clean FILE.txt... [--out OUT.jsonl] [--stats]

Each record has the fields of the extract contract that the cleaner fills (``article``),
with empty actors/events/quotes/places, so the shared scorer can measure article
splitting, body text and metadata on their own::

    python -m ceasefire.clean ../shared/corpus/seeds/*.txt --out /tmp/clean.jsonl
    python3 ../shared/eval/score.py --gold ../shared/gold/dev --pred /tmp/clean.jsonl

``--stats`` first learns recurring lines over all the files (site = folder name), as
``ceasefire extract`` does.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..models import Document
from . import BoilerplateStats, split_text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m ceasefire.clean",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, help="output file (default: standard output)")
    ap.add_argument("--stats", action="store_true", help="learn recurring lines over all files first")
    args = ap.parse_args(argv)

    docs = []
    for path in args.paths:
        data = path.read_bytes()
        docs.append(
            Document(
                source=str(path),
                data=data,
                media_type="text",
                text=data.decode("utf-8", errors="replace"),
                meta={"site": path.parent.name},
            )
        )
    stats = None
    if args.stats:
        stats = BoilerplateStats()
        for doc in docs:
            stats.observe(doc)
    out = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    try:
        for doc in docs:
            for art in split_text(doc.text or "", hints=doc.meta, stats=stats, site=doc.meta.get("site")):
                rec = {
                    "doc_id": doc.doc_id,
                    "article_id": f"{doc.doc_id}:{art.index}",
                    "source": doc.source,
                    "article": art.to_json(),
                    "removed": art.removed,
                    "actors": [],
                    "events": [],
                    "quotes": [],
                    "places": [],
                }
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    finally:
        if args.out:
            out.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
