"""Cross-validation of roles on ConfliBERT: one weights folder per sentence fold.

ConfliBERT role sentences train the role model, so they are measured by
cross-validation: for fold ``k``, the role model is refitted on the corpus
train split plus the ConfliBERT sentences whose index is not ``k`` modulo
the number of folds, and every other part (type model, thresholds,
calibration) is the shipped model's (the hybrid thresholds included). ``scripts/eval`` then codes fold ``k``'s
sentences with fold ``k``'s folder.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

from ..corpus import gold
from . import dataset, fit


def fold_models(base: Path, out: Path, folds: int) -> list[Path]:
    meta = json.loads((base / "meta.json").read_text())
    mode, learner = meta["mode"], meta["learner"]
    cases = dataset.corpus_cases(gold.load("train"), mode, Counter())
    corpus_roles = dataset.role_examples(cases, mode)
    rows = dataset.conflibert_rows()
    cb = dataset.conflibert_examples(rows, mode)
    dirs = []
    for k in range(folds):
        d = out / f"fold{k}"
        d.mkdir(parents=True, exist_ok=True)
        for f in base.iterdir():
            if f.is_file() and not f.name.startswith("role."):
                shutil.copy(f, d / f.name)
        keep = [j for j, g in enumerate(cb.role_group) if int(g.split(":")[1]) % folds != k]
        x = corpus_roles.role_x + [cb.role_x[j] for j in keep]
        y = corpus_roles.role_y + [cb.role_y[j] for j in keep]
        fit.fit("role", learner, x, y).save(d)
        dirs.append(d)
    return dirs
