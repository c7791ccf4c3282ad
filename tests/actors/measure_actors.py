"""Measure actor resolution on the dev gold before the full pipeline is wired.

    .venv/bin/python tests/actors/measure_actors.py [--show-misses]

Article bodies are cut from the seed pages with the gold body_start/body_end
snippets (here only, never in the product), parsed with the spaCy model the pipeline loads, and
each gold ``actors`` entry counts as found when some predicted mention has the
same name_key and a name or id among the accepted names - the rule of
../shared/eval/score.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def load_scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args(argv)
    if not (SHARED / "gold" / "dev").is_dir():
        print("shared gold data not found; nothing to measure")
        return 0
    from ceasefire.actors import find_mentions
    from ceasefire.nlp.context import ArticleContext
    from ceasefire.nlp.runner import load_model

    score = load_scorer()
    nlp = load_model()
    ok = n = 0
    for path in sorted((SHARED / "gold" / "dev").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        raw = (path.parent / gold["document"]).resolve().read_text(encoding="utf-8", errors="replace")
        for art in gold["articles"]:
            if "actors" not in art:
                continue
            body = score.gold_body(raw, art)
            doc = nlp(body)
            pub = dt.date.fromisoformat(art["published"]) if art.get("published") else None
            ctx = ArticleContext(doc=doc, published=pub)
            refs = [r.to_json() for r in find_mentions(doc, ctx)]
            for ga in art["actors"]:
                n += 1
                hit = any(score.name_key(x.get("mention")) == score.name_key(ga["mention"])
                          and score.actor_ok(x, ga["names"]) for x in refs)
                ok += hit
                if not hit and args.show_misses:
                    cands = [(x["mention"], x["id"], x["name"]) for x in refs
                             if score.name_key(x.get("mention")) == score.name_key(ga["mention"])]
                    print(f"miss {path.name[:3]} {ga['mention']!r} -> {ga['names'][0]!r}; got {cands[:3]}")
    print(f"actor_resolution {ok / n:.3f} ({ok}/{n})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
