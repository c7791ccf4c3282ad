"""Speed: the whole `ceasefire extract` pipeline vs bare spaCy on the same texts.

Builds N articles (default 2,000) from real news text in ../shared/external
(Guardian sample and FakeNewsCorpus sample, cycled with a record number so
every document is distinct), writes them as one JSON Lines file, then in one
process and one run:

1. bare ``nlp.pipe`` of the same spaCy model over the same texts;
2. the full pipeline (read -> clean/split -> spaCy -> actors, places, dates,
   quotes, events -> JSON Lines), as ``ceasefire extract`` runs it.

and prints words per second for both and their ratio. The spaCy model is
loaded (and warmed up) before either timing starts.

Usage:
    .venv/bin/python benchmarks/speed.py [--n 2000] [--batch-size 32]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "external"


def real_texts() -> list[str]:
    csv.field_size_limit(1 << 30)
    texts: list[str] = []
    with zipfile.ZipFile(SHARED / "ngec_guardian_sdf" / "Guardian_SDF_sample.csv.zip") as z:
        name = z.namelist()[0]
        with z.open(name) as fh:
            for row in csv.DictReader(io.TextIOWrapper(fh, encoding="utf-8")):
                if len(row["text"].split()) >= 50:
                    texts.append(row["text"])
    with open(SHARED / "fakenewscorpus" / "news_sample.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if len((row.get("content") or "").split()) >= 50:
                texts.append(row["content"])
    return texts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args(argv)
    if not SHARED.exists():
        print(f"needs {SHARED}", file=sys.stderr)
        return 2

    from ceasefire.ingest import ReadOptions
    from ceasefire.nlp import load_model
    from ceasefire.pipeline import ExtractOptions, process, write_jsonl

    base = real_texts()
    texts = [base[i % len(base)] for i in range(args.n)]
    words = sum(len(re.findall(r"\w+", t)) for t in texts)
    tmp = Path(tempfile.mkdtemp())
    src = tmp / "articles.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i, t in enumerate(texts):
            fh.write(json.dumps({"id": i, "text": t}) + "\n")

    nlp = load_model()
    list(nlp.pipe(texts[:20]))  # warm-up

    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=args.batch_size):
        pass
    bare = time.perf_counter() - t0

    options = ExtractOptions(read=ReadOptions(text_field="text"), batch_size=args.batch_size)
    t0 = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as out:
        summary = write_jsonl(process([str(src)], options), out)
    full = time.perf_counter() - t0

    print(f"articles: {args.n} ({len(base)} distinct real texts, cycled), words: {words}")
    print(
        f"bare nlp.pipe ({nlp.meta['name']} {nlp.meta['version']}): {bare:.1f} s, {words / bare:,.0f} words/s"
    )
    print(
        f"ceasefire extract pipeline: {full:.1f} s, {words / full:,.0f} words/s "
        f"({summary.articles} articles, {summary.events} events, {summary.quotes} quotes, "
        f"{summary.documents_failed} failed)"
    )
    print(f"pipeline keeps {100 * bare / full:.0f}% of bare spaCy's words per second")
    return 0


if __name__ == "__main__":
    sys.exit(main())
