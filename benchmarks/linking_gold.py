"""Event coreference against the project's own linking gold (``corpus/linking/``).

The gold is articles the team wrote in the style of wire, state-media,
opposition and Kurdish outlets reporting the same days (``articles/``), and
``data/gold.jsonl``: per article, each event mention as character offsets
into the article file and the label of the real-world event it reports
(built from ``mentions.txt`` by ``--build``). The articles go through the real
``ceasefire ingest`` into a fresh store, where events are linked at ingest;
each gold mention is matched to the stored event whose sentence holds it
(the one whose trigger lies in the mention, else the first), and the store's
clusters are scored against the gold events:

- pairwise P/R/F1 over the pairs of mentions put in one cluster;
- B3 P/R/F1 (Bagga and Baldwin), per mention, averaged.

A gold mention with no stored event counts as a cluster of its own. Events
are split by label into ``tune`` (odd E numbers), ``test`` (even E numbers) and
``heldout`` (H events: articles written after the weights were set, scored
once); each is printed.

Run from the repository root::

    .venv/bin/python benchmarks/linking_gold.py [--build] [--errors]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOLD_DIR = ROOT / "corpus" / "linking"
GOLD = GOLD_DIR / "data" / "gold.jsonl"


def split_of(label: str) -> str:
    """tune: odd E events; test: even E events; heldout: the H events, written after the
    scorer's weights were set and scored once."""
    if label.startswith("H"):
        return "heldout"
    return "tune" if int(label[1:]) % 2 else "test"


def build() -> int:
    """gold.jsonl from mentions.txt: each phrase located (once) in its article file."""
    by_article: dict[str, list[dict[str, object]]] = defaultdict(list)
    for n, line in enumerate((GOLD_DIR / "mentions.txt").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        art, phrase, label = line.split("\t")
        text = (GOLD_DIR / "articles" / f"{art}.txt").read_text(encoding="utf-8")
        if text.count(phrase) != 1:
            raise SystemExit(f"mentions.txt:{n}: {phrase!r} occurs {text.count(phrase)} times in {art}")
        start = text.index(phrase)
        by_article[art].append({"start": start, "end": start + len(phrase), "event": label})
    with GOLD.open("w", encoding="utf-8") as out:
        for art in sorted(by_article):
            rec = {"article": art, "file": f"corpus/linking/articles/{art}.txt", "mentions": by_article[art]}
            out.write(json.dumps(rec) + "\n")
    print(f"{GOLD}: {sum(len(v) for v in by_article.values())} mentions in {len(by_article)} articles")
    return 0


def pairwise(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    def pairs(c: dict[str, str]) -> set[frozenset[str]]:
        return {frozenset((a, b)) for a, b in itertools.combinations(sorted(c), 2) if c[a] == c[b]}

    p, g = pairs(pred), pairs(gold)
    tp = len(p & g)
    pr = tp / len(p) if p else 1.0
    rc = tp / len(g) if g else 1.0
    return pr, rc, 2 * pr * rc / (pr + rc) if pr + rc else 0.0


def b_cubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    pc: dict[str, set[str]] = defaultdict(set)
    gc: dict[str, set[str]] = defaultdict(set)
    for m in gold:
        pc[pred[m]].add(m)
        gc[gold[m]].add(m)
    pr = sum(len(pc[pred[m]] & gc[gold[m]]) / len(pc[pred[m]]) for m in gold) / len(gold)
    rc = sum(len(pc[pred[m]] & gc[gold[m]]) / len(gc[gold[m]]) for m in gold) / len(gold)
    return pr, rc, 2 * pr * rc / (pr + rc) if pr + rc else 0.0


def predicted(errors: bool) -> tuple[dict[str, str], dict[str, str], int]:
    """Gold label and predicted cluster of each gold mention; and how many had no stored event."""
    from ceasefire.pipeline import ingest
    from ceasefire.store import open_store

    recs = [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines()]
    gold: dict[str, str] = {}
    pred: dict[str, str] = {}
    missing = 0
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "linking.db")) as st:
        ingest([str(ROOT / r["file"]) for r in recs], st)
        for r in recs:
            raw = (ROOT / r["file"]).read_text(encoding="utf-8")
            src = str(ROOT / r["file"])
            row = st._all(
                "SELECT a.article_id, a.text FROM articles a JOIN documents d ON d.doc_id = a.doc_id "
                "WHERE d.source = ? ORDER BY a.idx LIMIT 1",
                (src,),
            )
            aid, text = row[0] if row else (None, "")
            events = st._all(
                "SELECT e.id, e.start_char, e.end_char, e.trigger_text, l.cluster_id, e.type, l.unlinkable "
                "FROM events e LEFT JOIN event_links l ON l.event_id = e.id WHERE e.article_id = ? ORDER BY e.ord",
                (aid,),
            )
            for m in r["mentions"]:
                key = f"{r['article']}:{m['start']}"
                phrase = raw[m["start"] : m["end"]]
                gold[key] = m["event"]
                at = text.find(phrase)
                hits = [e for e in events if at >= 0 and e[1] <= at < e[2]]
                inside = [e for e in hits if e[3] and e[3] in phrase]
                ev = (inside or hits or [None])[0]
                if ev is None:
                    missing += 1
                    pred[key] = f"none:{key}"
                    if errors:
                        print(f"no event   {m['event']:4} {r['article']}: {phrase!r}")
                    continue
                pred[key] = ev[4] or f"single:{ev[0]}"
                if errors:
                    print(f"{m['event']:4} {ev[4] or ev[6]!s:18} {ev[5]:8} {r['article']}: {phrase!r}")
    return gold, pred, missing


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", action="store_true", help="write data/gold.jsonl from mentions.txt")
    ap.add_argument("--errors", action="store_true", help="print each mention with its stored cluster")
    args = ap.parse_args()
    if args.build:
        return build()
    gold, pred, missing = predicted(args.errors)
    print(f"{len(gold)} gold mentions of {len(set(gold.values()))} events; {missing} with no stored event")
    print(
        f"{'split':<6} {'mentions':>8} {'pair P':>7} {'pair R':>7} {'pair F1':>7} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6}"
    )
    for part in ("tune", "test", "heldout", "all"):
        keys = [k for k in gold if part == "all" or split_of(gold[k]) == part]
        g = {k: gold[k] for k in keys}
        p = {k: pred[k] for k in keys}
        pw, b3 = pairwise(p, g), b_cubed(p, g)
        print(
            f"{part:<6} {len(keys):8d} {pw[0]:7.3f} {pw[1]:7.3f} {pw[2]:7.3f} {b3[0]:6.3f} {b3[1]:6.3f} {b3[2]:6.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
