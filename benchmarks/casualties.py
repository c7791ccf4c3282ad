"""Killed and wounded counts against the project's casualty gold (``corpus/casualties/``).

Each gold unit is one sentence of a shared text (``../shared/external``, read in
place). The sentence goes through the real NLP path as an article of its own
(spaCy parse, actors, places, quotes, event coding, casualties) and two
outputs are scored against the gold counts:

- ``stage``: every count :func:`ceasefire.casualties.find_casualties` states;
- ``events``: the counts that end up on the article's events (what
  ``ceasefire extract`` writes; a count whose sentence has no event is lost).

A predicted count is right when its kind and its low / best / high are exactly
the gold's (counted as multisets per sentence); ``group`` is the share of the
right counts whose group is also right. Figures are printed for the ``tune``
part and the ``heldout`` part; ``--errors`` lists the tune part's mistakes and
refuses the held-out part, which is never looked at while changing code.

Measured 2026-12-07 (tune / held-out F1: stage 0.927 / 0.907, on events 0.905 / 0.875;
the table is in the README, "Measured figures").

Run from the repository root::

    .venv/bin/python benchmarks/casualties.py [--split tune|heldout|all] [--errors]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ceasefire.casualties import attach, find_casualties  # noqa: E402
from ceasefire.casualties.gold import GoldUnit, load  # noqa: E402
from ceasefire.models import Article, Casualty, ExtractRecord  # noqa: E402
from ceasefire.nlp import Annotator  # noqa: E402


def key(kind: str, low: int | None, best: int, high: int | None) -> tuple:
    return (kind, low, best, high)


def predict(annotator: Annotator, units: list[GoldUnit]) -> list[tuple[list[Casualty], list[Casualty]]]:
    """(stage counts, counts on events) for each unit, parsed in one nlp.pipe batch."""
    recs = [
        ExtractRecord(u.unit, u.unit, Article(0, "primary", None, u.text, published=u.published))
        for u in units
    ]
    out = []
    docs = annotator.nlp.pipe(((r.article.text, r) for r in recs), as_tuples=True, batch_size=32)
    for doc, rec in docs:
        ctx = annotator.context(doc, rec)
        found = list(find_casualties(doc, ctx))
        events = attach(list(annotator.stages.code_events(doc, ctx)), found)
        out.append((found, [c for e in events for c in e.casualties]))
    return out


def score(units: list[GoldUnit], preds: list[list[Casualty]]) -> dict[str, float]:
    tp = n_pred = n_gold = group_ok = 0
    for u, pred in zip(units, preds, strict=True):
        gold = Counter(key(c.kind, c.low, c.best, c.high) for c in u.counts)
        got = Counter(key(c.kind, c.low, c.best, c.high) for c in pred)
        n_gold += sum(gold.values())
        n_pred += sum(got.values())
        tp += sum((gold & got).values())
        for k in gold & got:
            g = Counter(c.group for c in u.counts if key(c.kind, c.low, c.best, c.high) == k)
            p = Counter(c.group for c in pred if key(c.kind, c.low, c.best, c.high) == k)
            group_ok += min(sum((g & p).values()), (gold & got)[k])
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "gold": n_gold,
        "pred": n_pred,
        "tp": tp,
        "p": p,
        "r": r,
        "f1": f,
        "group": group_ok / tp if tp else 0.0,
    }


def show_errors(units: list[GoldUnit], preds: list[list[Casualty]]) -> None:
    for u, pred in zip(units, preds, strict=True):
        gold = Counter(key(c.kind, c.low, c.best, c.high) for c in u.counts)
        got = Counter(key(c.kind, c.low, c.best, c.high) for c in pred)
        groups_wrong = [
            (c.mention, c.group)
            for c in pred
            if any(key(c.kind, c.low, c.best, c.high) == key(g.kind, g.low, g.best, g.high) for g in u.counts)
            and c.group
            not in {
                g.group
                for g in u.counts
                if key(g.kind, g.low, g.best, g.high) == key(c.kind, c.low, c.best, c.high)
            }
        ]
        if gold != got or groups_wrong:
            print(f"{u.unit} [{u.outlet}]\n  {u.text}")
            print(f"  missed: {sorted((gold - got).elements(), key=str)}")
            print(
                f"  extra:  {sorted((got - gold).elements(), key=str)}  pred={[(c.mention, c.group) for c in pred]}"
            )
            if groups_wrong:
                print(f"  group:  {groups_wrong} gold={[(g.group) for g in u.counts]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("tune", "heldout", "all"), default="all")
    ap.add_argument("--errors", action="store_true", help="list the tune part's mistakes")
    args = ap.parse_args(argv)
    if args.errors and args.split != "tune":
        ap.error("--errors lists the tune part only (--split tune): the held-out part is not looked at")
    annotator = Annotator()
    splits = ("tune", "heldout") if args.split == "all" else (args.split,)
    print(f"{'part':8} {'output':7} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'group':>6}")
    for split in splits:
        units = load(split)
        preds = predict(annotator, units)
        for name, i in (("stage", 0), ("events", 1)):
            s = score(units, [p[i] for p in preds])
            print(
                f"{split:8} {name:7} {s['gold']:5d} {s['pred']:5d} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f} {s['group']:6.3f}"
            )
        if args.errors:
            show_errors(units, [p[0] for p in preds])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
