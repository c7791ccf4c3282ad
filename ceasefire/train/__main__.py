"""Train the event coder: ``scripts/train-coder [--out DIR] [--mode hybrid|model] [--learner ...]``.

Reads the corpus train split (``corpus/gold/train.jsonl``) and the ConfliBERT
role sentences, fits the type and role models with a fixed seed on the CPU,
picks thresholds and fits the confidence calibration on the dev split, and
writes the weights, ``meta.json`` and the model card into ``--out`` (default:
the package's ``ceasefire/events/data/coder``). The test split is never read.

  --compare          fit both learners and print their dev figures; keep the better
  --cb-exclude-fold K --cb-folds N
                     leave ConfliBERT fold K of N out of training (scripts/eval's
                     cross-validation of roles)
  --no-conflibert    train roles on the corpus alone
  --retune           only re-choose the hybrid thresholds (and calibration) of the weights in --out
  --no-hybrid        skip choosing the hybrid decider's thresholds on dev
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from ..corpus import gold
from ..events.model import MODEL_DIR
from . import card, dataset, fit, simulate

LEARNERS = ("linear", "lightgbm")


def _train(cases_train, cb_rows, mode: str, learner: str):
    tex = dataset.type_examples(cases_train, mode)
    rex = dataset.role_examples(cases_train, mode)
    if cb_rows:
        rex.extend(dataset.conflibert_examples(cb_rows, mode))
    type_m = fit.fit("type", learner, tex.type_x, tex.type_y)
    role_m = fit.fit("role", learner, rex.role_x, rex.role_y)
    px, py, _keys = dataset.place_examples(cases_train)
    place_m = fit.fit("place", learner, px, py)
    return type_m, role_m, place_m, tex, rex


def _tune_hybrid(folder: Path, dev_s) -> dict:
    """The hybrid decider's thresholds and calibration, chosen on dev with the weights just written."""
    from ..events.model import load_model
    from . import tune

    load_model.cache_clear()
    model = load_model(str(folder))
    tuner = tune.Tuner(dev_s, model)
    thresholds, res, gold_res = tune.choose(tuner, tune.GoldTuner(model))
    load_model.cache_clear()
    return {
        "hybrid": thresholds,
        "hybrid_dev": {k: res[k] for k in ("type", "type_source_target", "strict_tst", "full")},
        "hybrid_dev_gold": gold_res,
        "hybrid_calibration": simulate.calibration(tuner.confidences(thresholds)),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="train-coder", description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    ap.add_argument("--mode", choices=("hybrid", "model"), default="hybrid")
    ap.add_argument("--learner", choices=LEARNERS, default=None, help="default: the one meta.json chose")
    ap.add_argument("--compare", action="store_true")
    ap.add_argument("--no-conflibert", action="store_true")
    ap.add_argument("--retune", action="store_true", help="only re-choose the hybrid thresholds of --out")
    ap.add_argument(
        "--no-hybrid", action="store_true", help="keep the hybrid thresholds of defaults (CV folds)"
    )
    ap.add_argument("--cb-exclude-fold", type=int, default=None)
    ap.add_argument("--cb-folds", type=int, default=5)
    args = ap.parse_args(argv)
    t0 = time.time()
    try:
        train_s, dev_s = gold.load("train"), gold.load("dev")
    except (gold.CorpusError, FileNotFoundError) as exc:
        print(f"train-coder: {exc}", file=sys.stderr)
        return 2
    if args.retune:
        meta = json.loads((args.out / "meta.json").read_text())
        meta.update(_tune_hybrid(args.out, dev_s))
        (args.out / "meta.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n")
        card.write_card(args.out, meta)
        return 0
    stats: Counter = Counter()
    print(f"parsing {len(train_s)} train and {len(dev_s)} dev sentences ...", file=sys.stderr)
    cases_train = dataset.corpus_cases(train_s, args.mode, stats)
    cases_dev = dataset.corpus_cases(dev_s, args.mode, Counter())
    cb_rows = [] if args.no_conflibert else dataset.conflibert_rows()
    if args.cb_exclude_fold is not None:
        cb_rows = [r for i, r in enumerate(cb_rows) if i % args.cb_folds != args.cb_exclude_fold]
    learners = LEARNERS if args.compare else (args.learner or card.previous_learner(args.out) or "linear",)
    results = {}
    for learner in learners:
        type_m, role_m, place_m, tex, rex = _train(cases_train, cb_rows, args.mode, learner)
        scored = simulate.score_cases(cases_dev, type_m, role_m, args.mode)
        thresholds, res = simulate.choose_thresholds(scored, cases_dev)
        place_t, place_acc = simulate.place_threshold(cases_dev, place_m)
        results[learner] = (type_m, role_m, place_m, thresholds + (place_t,), res, tex, rex, place_acc)
        print(
            f"{learner}: dev (offline decode) type F1 {res.f1_type:.3f}, type+source+target F1 {res.f1_roles:.3f}"
            f" at thresholds {thresholds}; place right {place_acc:.3f} at {place_t}",
            file=sys.stderr,
        )
    learner = max(results, key=lambda k: results[k][4].f1_roles + 0.5 * results[k][4].f1_type)
    type_m, role_m, place_m, thresholds, res, tex, rex, place_acc = results[learner]
    args.out.mkdir(parents=True, exist_ok=True)
    type_m.save(args.out)
    role_m.save(args.out)
    place_m.save(args.out)
    meta = {
        "mode": args.mode,
        "learner": learner,
        "thresholds": dict(zip(("type", "source", "target", "rule_type", "place"), thresholds, strict=True)),
        "calibration": simulate.calibration(res.confidences),
        "seed": fit.SEED,
        "examples": {"type": len(tex.type_y), "role": len(rex.role_y)},
        "labels": {"type": dict(Counter(tex.type_y)), "role": dict(Counter(rex.role_y))},
        "alignment": dict(stats),
        "dev_offline": {"type_f1": round(res.f1_type, 3), "type_source_target_f1": round(res.f1_roles, 3)},
        "compared": {
            k: {"type_f1": round(v[4].f1_type, 3), "tst_f1": round(v[4].f1_roles, 3)}
            for k, v in results.items()
        },
        "conflibert_sentences": len(cb_rows),
        "data": card.data_checksums(),
        "train_seconds": round(time.time() - t0),
    }
    (args.out / "meta.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n")
    if args.mode == "hybrid" and not args.no_hybrid:
        meta.update(_tune_hybrid(args.out, dev_s))
        meta["train_seconds"] = round(time.time() - t0)
        (args.out / "meta.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n")
    card.write_card(args.out, meta)
    print(f"wrote {args.out} ({learner}, {meta['train_seconds']} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
