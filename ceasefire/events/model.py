"""The trained coder's weights: loading them once per process and scoring feature dicts.

The weights live in ``ceasefire/events/data/coder/`` (written by
``scripts/train-coder``): ``meta.json`` (labels, thresholds, calibration,
learner, data checksums), ``card.md`` (the model card), and per model
(``type`` and ``role``) a feature vocabulary and the weights. Two learners
are supported, and ``meta.json`` says which one was chosen:

- ``linear``: multinomial logistic regression; scoring is a sparse dot
  product in NumPy, so nothing heavier is imported at run time;
- ``lightgbm``: gradient-boosted trees, read with LightGBM's own loader.

A missing or corrupt weights file raises :class:`ModelError`, whose message
names the file and the command that rebuilds it.
"""

from __future__ import annotations

import json
import os
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

MODEL_DIR = Path(__file__).parent / "data" / "coder"
MODEL_ENV = "CEASEFIRE_CODER_MODEL"  # another weights folder (scripts/eval's cross-validation uses it)
REBUILD = "scripts/train-coder"


class ModelError(RuntimeError):
    """The coder's weights are missing or unreadable."""


def model_dir() -> Path:
    return Path(os.environ.get(MODEL_ENV) or MODEL_DIR)


@dataclass
class _Scorer:
    labels: list[str]
    vocab: dict[str, int]
    kind: str
    weights: Any  # (n_features + 1, n_labels) array for linear; a lightgbm Booster otherwise

    def proba(self, rows: list[dict[str, float]]) -> list[dict[str, float]]:
        import numpy as np

        if not rows:
            return []
        if self.kind == "linear":
            w = self.weights
            bias = w[-1]
            scores = np.empty((len(rows), w.shape[1]), dtype=np.float64)
            for i, f in enumerate(rows):
                idx = [self.vocab[k] for k in f if k in self.vocab]
                vals = np.fromiter((f[k] for k in f if k in self.vocab), dtype=np.float64, count=len(idx))
                scores[i] = bias + vals @ w[idx] if idx else bias
            scores -= scores.max(axis=1, keepdims=True)
            p = np.exp(scores)
            p /= p.sum(axis=1, keepdims=True)
        else:
            from scipy.sparse import csr_matrix

            data, ind, ptr = [], [], [0]
            for f in rows:
                for k, v in f.items():
                    j = self.vocab.get(k)
                    if j is not None:
                        ind.append(j)
                        data.append(v)
                ptr.append(len(ind))
            x = csr_matrix((np.asarray(data, dtype=np.float64), ind, ptr), shape=(len(rows), len(self.vocab)))
            p = self.weights.predict(x)
            if p.ndim == 1:
                p = np.stack([1 - p, p], axis=1)
        return [dict(zip(self.labels, map(float, r), strict=True)) for r in p]


@dataclass
class CoderModel:
    mode: str  # "hybrid" or "model"
    types: _Scorer
    roles: _Scorer
    places: _Scorer | None  # where the act happened, among the sentence's places
    type_threshold: float
    rule_type_threshold: float
    source_threshold: float
    target_threshold: float
    place_threshold: float
    calibration: tuple[list[float], list[float]]  # raw-score knots -> share right on dev (isotonic)
    meta: dict[str, Any]
    hybrid_calibration: tuple[list[float], list[float]] = ([], [])  # the same for the hybrid decider

    def type_proba(self, rows: list[dict[str, float]]) -> list[dict[str, float]]:
        return self.types.proba(rows)

    def role_proba(self, rows: list[dict[str, float]]) -> list[dict[str, float]]:
        return self.roles.proba(rows)

    def place_proba(self, rows: list[dict[str, float]]) -> list[float]:
        if self.places is None:
            return [0.0] * len(rows)
        return [r.get("yes", 0.0) for r in self.places.proba(rows)]

    def calibrated(self, raw: float, decider: str = "trained") -> float:
        xs, ys = self.hybrid_calibration if decider == "hybrid" else self.calibration
        if not xs:
            return raw
        i = bisect_right(xs, raw) - 1
        return ys[max(0, min(i, len(ys) - 1))]


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(
            f"{path}: the event coder's weights are missing; rebuild them with `{REBUILD}`"
        ) from None
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise ModelError(
            f"{path}: the event coder's weights are unreadable ({exc}); rebuild them with `{REBUILD}`"
        ) from None


def _scorer(folder: Path, name: str, kind: str) -> _Scorer:
    spec = _read_json(folder / f"{name}.vocab.json")
    labels, features = spec["labels"], spec["features"]
    vocab = {f: i for i, f in enumerate(features)}
    path = folder / f"{name}.{'npy' if kind == 'linear' else 'lgb.txt'}"
    try:
        if kind == "linear":
            import numpy as np

            weights = np.load(path, allow_pickle=False)
            if weights.shape != (len(features) + 1, len(labels)):
                raise ValueError(
                    f"weights of shape {weights.shape}, expected {(len(features) + 1, len(labels))}"
                )
        else:
            import lightgbm

            weights = lightgbm.Booster(model_file=str(path))
    except FileNotFoundError:
        raise ModelError(
            f"{path}: the event coder's weights are missing; rebuild them with `{REBUILD}`"
        ) from None
    except Exception as exc:  # numpy and LightGBM raise many kinds on a damaged file
        raise ModelError(
            f"{path}: the event coder's weights are unreadable ({exc}); rebuild them with `{REBUILD}`"
        ) from None
    return _Scorer(labels, vocab, kind, weights)


@lru_cache(maxsize=4)
def load_model(folder: str | None = None) -> CoderModel:
    """The coder's weights from ``folder`` (default: the package's, or ``$CEASEFIRE_CODER_MODEL``), once."""
    path = Path(folder) if folder else model_dir()
    meta = _read_json(path / "meta.json")
    try:
        kind = meta["learner"]
        cal = meta.get("calibration") or {"x": [], "y": []}
        hcal = meta.get("hybrid_calibration") or {"x": [], "y": []}
        return CoderModel(
            mode=meta["mode"],
            types=_scorer(path, "type", kind),
            roles=_scorer(path, "role", kind),
            places=_scorer(path, "place", kind) if (path / "place.vocab.json").exists() else None,
            type_threshold=float(meta["thresholds"]["type"]),
            rule_type_threshold=float(meta["thresholds"].get("rule_type", meta["thresholds"]["type"])),
            source_threshold=float(meta["thresholds"]["source"]),
            target_threshold=float(meta["thresholds"]["target"]),
            place_threshold=float(meta["thresholds"].get("place", 0.5)),
            calibration=(list(cal["x"]), list(cal["y"])),
            meta=meta,
            hybrid_calibration=(list(hcal["x"]), list(hcal["y"])),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(
            f"{path / 'meta.json'}: malformed ({exc}); rebuild the weights with `{REBUILD}`"
        ) from None
