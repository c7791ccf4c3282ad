"""ConfliBERT roles, cross-validated: source and target both right, per decider, through `ceasefire extract`.

    .venv/bin/python benchmarks/conflibert_cv.py [--columns naive,rules,hybrid,model] [--folds 5]
                                                [--model DIR] [--json out.json]

The ConfliBERT role sentences (``../shared/external/conflibert``, the rows of
``../shared/eval/roles.py``) train the role model, so a decider that uses it is measured by
cross-validation with folds by sentence: for fold ``k`` the role model is refitted on the corpus
train split plus the ConfliBERT sentences not in fold ``k`` (:func:`ceasefire.train.cv.fold_models`),
and fold ``k``'s sentences are coded with that refit. ``naive`` and ``rules`` never see ConfliBERT
and are measured on every sentence as they are. A role is right when the event's actor shares a
content word with a gold span of that role (the metric of ``roles.py``); "both" counts the
sentences with a gold source and a gold target. ``roles.py``'s own baseline (first actor
mention found = source, second = target) comes from running ``roles.py`` itself.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from ceasefire.corpus import sources
from ceasefire.events.model import MODEL_DIR
from ceasefire.train import evaluate as ev
from ceasefire.train.cv import fold_models


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--columns", default="naive,rules,hybrid")
    ap.add_argument("--folds", type=int, default=ev.CB_FOLDS)
    ap.add_argument("--model", type=Path, default=MODEL_DIR, help="the weights whose role model is refitted")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    if not (sources.shared_root() / "external" / "conflibert").exists():
        print("conflibert_cv: ../shared/external/conflibert is absent", file=sys.stderr)
        return 2
    ev.CB_FOLDS = args.folds  # evaluate.conflibert assigns sentence i to fold i % CB_FOLDS
    out: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        folds: list[Path] | None = None
        for col in args.columns.split(","):
            t0 = time.perf_counter()
            trained = col in ("hybrid", "model")
            if trained and folds is None:
                folds = fold_models(args.model, tmpd / "folds", args.folds)
            env = ev.column_env(col, args.model if trained else None)
            where = tmpd / col
            where.mkdir()
            row = ev.conflibert(env, where, folds if trained else None)
            row["cross_validated"] = trained
            out[col] = row
            print(
                f"{col:7s} both {row['both']:.3f}  source {row['source']:.3f}  target {row['target']:.3f}"
                f"  ({'CV ' + str(args.folds) + ' folds' if trained else 'not trained on it'};"
                f" {time.perf_counter() - t0:.0f} s)",
                flush=True,
            )
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
