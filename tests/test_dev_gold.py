"""Quality gate: the dev-gold figures may not fall below the pinned floors.

The floors live in ``dev_gold_floors.json`` beside this file. Raising one is
the normal way to lock in an improvement; lowering one is a deliberate,
reviewed change to that file (say why in the commit message).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from ceasefire.pipeline import ExtractOptions, process, write_jsonl
from tests.support import shared_path

FLOORS = json.loads((Path(__file__).parent / "dev_gold_floors.json").read_text(encoding="utf-8"))


def _scorer():
    path = shared_path("eval", "score.py")
    spec = importlib.util.spec_from_file_location("ceasefire_dev_score", path)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def dev_scores(tmp_path_factory: pytest.TempPathFactory) -> dict:
    seeds = sorted(str(p) for p in shared_path("corpus", "seeds").glob("*.txt"))
    gold = shared_path("gold", "dev")
    out = tmp_path_factory.mktemp("dev") / "pred.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        summary = write_jsonl(process(seeds, ExtractOptions()), fh)
    assert summary.documents_failed == 0, summary.errors
    score = _scorer()
    return score.score(score.load_gold(gold), score.load_pred(out), False)


def _figure(scores: dict, path: str) -> float:
    value: object = scores
    for part in path.split("/"):
        value = value[part]  # type: ignore[index]
    return float(value)  # type: ignore[arg-type]


@pytest.mark.slow
@pytest.mark.parametrize("metric,floor", sorted(FLOORS["floors"].items()))
def test_dev_gold_floor(dev_scores: dict, metric: str, floor: float) -> None:
    value = _figure(dev_scores, metric)
    assert value >= floor, f"{metric} fell to {value} (floor {floor})"
