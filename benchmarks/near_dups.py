"""Near-duplicate articles: precision and recall of the copy links the store makes at ingest.

Every text is stored through the real :meth:`Store.save_document` into a fresh
SQLite store (so the LSH band lookup and the exact check of
:mod:`ceasefire.linking.neardup` run as at ingest), then the stored links are
compared with the known copies:

- ``real``: reprints found in the corpora of ``../shared/external``: 620 texts
  (FakeNewsCorpus' 250 scraped pages, Guardian SDF rows 60 and later, the
  article-extraction benchmark's 181 gold bodies). Every pair of them was
  compared on its exact shingle sets and the pairs above 0.1 were read; the
  copies are the FakeNewsCorpus row groups in :data:`REAL_COPIES` (the same
  page scraped again or reposted on the same or another site). All other
  pairs are negatives, among them pages of one outlet that share only its
  boilerplate residue (Jaccard up to 0.39, containment up to 0.59).
- ``constructed``: copies made here of Guardian rows 60+ and benchmark bodies,
  one per base text, of four kinds: ``rewrapped`` (new line breaks and
  paragraphing), ``reheadlined`` (a new headline line and a wire dateline),
  ``trimmed`` (the first 45-90% of the text), ``edited`` (one word in 25
  dropped or changed, a sentence added). Negatives are all other pairs.

Guardian SDF rows 0-59 are never read. Measured 2026-12-08 (see README):
real P 1.000 R 1.000 (39 pairs); constructed P 1.000 R 0.997 over 300 copies (one edited copy missed).

Run from the repository root::

    .venv/bin/python benchmarks/near_dups.py [--seed 7] [--n 300]
"""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import json
import random
import sys
import tempfile
import textwrap
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ceasefire.models import Article, Document, ExtractRecord  # noqa: E402
from ceasefire.store import open_store  # noqa: E402

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "external"
FNC = SHARED / "fakenewscorpus" / "news_sample.csv"
GUARDIAN = SHARED / "ngec_guardian_sdf" / "Guardian_SDF_sample.csv.zip"
AEB = SHARED / "article_extraction_benchmark" / "ground-truth.json"
FIRST_GUARDIAN_ROW = 60  # rows 0-59 are kept for outside measurement

# FakeNewsCorpus news_sample.csv row numbers (0-based, after the header) of each group of copies.
REAL_COPIES = [
    [123, 126, 130, 131, 136, 140, 150, 172, 187],
    [184, 194],
    [197, 227],
    [234, 235],
]
KINDS = ("rewrapped", "reheadlined", "trimmed", "edited")


def load_texts() -> list[tuple[str, str, str]]:
    """(key, outlet, text) of every corpus text used."""
    csv.field_size_limit(1 << 30)
    out: list[tuple[str, str, str]] = []
    with FNC.open(encoding="utf-8", newline="") as f:
        for i, r in enumerate(csv.DictReader(f)):
            out.append((f"fnc:{i}", r["domain"], r["content"]))
    with zipfile.ZipFile(GUARDIAN) as z, z.open(z.namelist()[0]) as raw:
        for i, r in enumerate(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8"))):
            if i >= FIRST_GUARDIAN_ROW:
                out.append((f"gsdf:{i}", "Guardian", r["text"]))
    for k, v in sorted(json.loads(AEB.read_text(encoding="utf-8")).items()):
        out.append((f"aeb:{k[:12]}", v.get("url", ""), v["articleBody"]))
    return out


def make_copy(text: str, kind: str, rng: random.Random) -> str:
    paras = [p for p in text.split("\n") if p.strip()]
    if kind == "rewrapped":
        joined = " ".join(paras)
        width = rng.randint(45, 95)
        return "\n\n".join(textwrap.fill(chunk, width) for chunk in joined.split(". ") if chunk)
    if kind == "reheadlined":
        city = rng.choice(["BEIRUT", "DAMASCUS", "GENEVA", "MOSCOW", "KYIV", "SANAA"])
        return f"UPDATED: Latest from the region\n{city} (Newswire) - " + "\n".join(paras)
    if kind == "trimmed":
        words = text.split(" ")
        return " ".join(words[: max(1, int(len(words) * rng.uniform(0.45, 0.9)))])
    words = text.split(" ")
    edited: list[str] = []
    for w in words:
        roll = rng.random()
        if roll < 0.02:
            continue  # dropped
        edited.append(rng.choice(["reportedly", "also", "said", "local"]) if roll < 0.04 else w)
    return " ".join(edited) + " The agency contributed to this report."


def store_all(items: list[tuple[str, str, str]], db: Path) -> tuple[set[frozenset[str]], float]:
    """Save each text as one article; the links the store made, as key pairs, and the seconds taken."""
    key_of: dict[str, str] = {}
    t0 = time.perf_counter()
    with open_store(str(db)) as st:
        for key, outlet, text in items:
            doc = Document(source=key, data=f"{key}\n{text}".encode(), media_type="text", meta={})
            art = Article(index=0, role="primary", title=key, text=text, publisher=outlet)
            rec = ExtractRecord(doc_id=doc.doc_id, source=doc.source, article=art)
            st.save_document(doc, [rec])
            key_of[rec.article_id] = key
        rows = st._all("SELECT a_id, b_id FROM article_copies")
    return {frozenset((key_of[a], key_of[b])) for a, b in rows}, time.perf_counter() - t0


def score(found: set[frozenset[str]], gold: set[frozenset[str]], keys: set[str]) -> tuple[float, float, int]:
    mine = {p for p in found if p <= keys}
    tp = len(mine & gold)
    p = tp / len(mine) if mine else 1.0
    r = tp / len(gold) if gold else 1.0
    return p, r, len(gold)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--n", type=int, default=300, help="constructed copies (of distinct base texts)")
    ap.add_argument("--errors", action="store_true", help="list the missed and the wrong pairs")
    args = ap.parse_args()
    if not (FNC.is_file() and GUARDIAN.is_file() and AEB.is_file()):
        print(f"needs ../shared/external (FakeNewsCorpus, Guardian SDF, extraction benchmark): {SHARED}")
        return 2
    rng = random.Random(args.seed)
    texts = load_texts()
    real_gold = {
        frozenset((f"fnc:{a}", f"fnc:{b}"))
        for group in REAL_COPIES
        for a, b in itertools.combinations(group, 2)
    }
    bases = [t for t in texts if not t[0].startswith("fnc:") and len(t[2].split()) >= 80]
    rng.shuffle(bases)
    copies: list[tuple[str, str, str]] = []
    made: dict[str, set[frozenset[str]]] = {k: set() for k in KINDS}
    for i, (key, _, text) in enumerate(bases[: args.n]):
        kind = KINDS[i % len(KINDS)]
        ck = f"copy:{kind}:{key}"
        copies.append((ck, "Copy Site", make_copy(text, kind, rng)))
        made[kind].add(frozenset((key, ck)))
    items = texts + copies
    rng.shuffle(items)  # ingest order is not the corpus order
    with tempfile.TemporaryDirectory() as tmp:
        found, secs = store_all(items, Path(tmp) / "near_dups.db")
    real_keys = {k for k, _, _ in texts}
    all_keys = real_keys | {k for k, _, _ in copies}
    print(f"{len(items)} articles stored in {secs:.1f} s ({len(found)} copy links)")
    print(f"{'part':<22} {'P':>6} {'R':>6} {'gold pairs':>10}")
    p, r, n = score(found, real_gold, real_keys)
    print(f"{'real reprints':<22} {p:6.3f} {r:6.3f} {n:10d}")
    cons_gold = set().union(*made.values())
    # precision of the constructed part: every link touching a copy
    cons_found = {x for x in found if any(k.startswith("copy:") for k in x)}
    tp = len(cons_found & cons_gold)
    print(
        f"{'constructed (all)':<22} {tp / max(1, len(cons_found)):6.3f} {tp / len(cons_gold):6.3f} {len(cons_gold):10d}"
    )
    for kind in KINDS:
        print(
            f"{'  ' + kind:<22} {'':>6} {len(found & made[kind]) / len(made[kind]):6.3f} {len(made[kind]):10d}"
        )
    gold = real_gold | cons_gold
    p, r, n = score(found, gold, all_keys)
    print(f"{'all':<22} {p:6.3f} {r:6.3f} {n:10d}")
    if args.errors:
        for pair in sorted(map(sorted, gold - found)):
            print("missed", *pair)
        for pair in sorted(map(sorted, found - gold)):
            print("wrong ", *pair)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
