"""Measure actor resolution on the dev gold without the rest of the pipeline.

    .venv/bin/python tests/actors/measure_actors.py [--show-misses]

Article bodies are cut from the seed pages with the gold body_start/body_end
snippets (here only, never in the product), parsed with the spaCy model the
pipeline loads, and each gold ``actors`` entry counts as found when some
predicted mention has the same name_key and a name or id among the accepted
names - the rule of ../shared/eval/score.py.  Once ``ceasefire extract`` runs
end to end, ../shared/eval/score.py gives the same figure as
``actor_resolution``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ceasefire_actor_score", SHARED / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def measure(nlp: Any) -> tuple[int, int, list[str]]:
    """(found, total, misses) over the gold ``actors`` lists of ../shared/gold/dev."""
    from ceasefire.actors import find_mentions
    from ceasefire.nlp.context import ArticleContext

    score = load_scorer()
    ok = n = 0
    misses: list[str] = []
    for path in sorted((SHARED / "gold" / "dev").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        raw = (path.parent / gold["document"]).resolve().read_text(encoding="utf-8", errors="replace")
        for art in gold["articles"]:
            if "actors" not in art:
                continue
            doc = nlp(score.gold_body(raw, art))
            pub = dt.date.fromisoformat(art["published"]) if art.get("published") else None
            refs = [r.to_json() for r in find_mentions(doc, ArticleContext(doc=doc, published=pub))]
            for ga in art["actors"]:
                n += 1
                same = [x for x in refs if score.name_key(x.get("mention")) == score.name_key(ga["mention"])]
                hit = any(score.actor_ok(x, ga["names"]) for x in same)
                ok += hit
                if not hit:
                    got = [(x["id"], x["name"]) for x in same][:3]
                    misses.append(f"{path.name[:3]} {ga['mention']!r} -> {ga['names'][0]!r}; got {got}")
    return ok, n, misses


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args(argv)
    if not (SHARED / "gold" / "dev").is_dir():
        print(f"{SHARED / 'gold' / 'dev'} not found; nothing to measure")
        return 0
    from ceasefire.nlp.runner import load_model

    ok, n, misses = measure(load_model())
    print(f"actor_resolution {ok / n:.3f} ({ok}/{n})")
    if args.show_misses:
        for m in misses:
            print("  miss", m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
