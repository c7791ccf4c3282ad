"""The trained decider on the production path: `ceasefire extract` with CEASEFIRE_CODER=trained."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ceasefire.events.model import MODEL_DIR, load_model

ROOT = Path(__file__).resolve().parents[2]
CLI = (
    [sys.executable, "-m", "ceasefire.cli"]
    if not (Path(sys.executable).parent / "ceasefire").exists()
    else [str(Path(sys.executable).parent / "ceasefire")]
)
ARTICLE = ROOT / "examples" / "hodeidah_wire.txt"


def _extract(tmp: Path, env_extra: dict[str, str], src: Path = ARTICLE) -> subprocess.CompletedProcess:
    env = {**os.environ, **env_extra}
    return subprocess.run(
        [*CLI, "extract", str(src), "-o", str(tmp / "out.jsonl")], env=env, capture_output=True, text=True
    )


def _events(tmp: Path) -> list[dict]:
    return [e for line in (tmp / "out.jsonl").read_text().splitlines() for e in json.loads(line)["events"]]


def test_shipped_weights_load_with_their_thresholds() -> None:
    m = load_model(str(MODEL_DIR))
    assert m.mode == "hybrid" and 0 < m.type_threshold < 1 and 0 < m.rule_type_threshold < 1
    assert "NONE" in m.types.labels and "ASSAULT" in m.types.labels


def test_trained_decider_codes_an_article_with_roles_and_confidence(tmp_path: Path) -> None:
    ran = _extract(tmp_path, {"CEASEFIRE_CODER": "trained"})
    assert ran.returncode == 0, ran.stderr
    events = _events(tmp_path)
    assert events, "the trained decider found no event in a wire story about fighting"
    assert {e["type"] for e in events} & {"ASSAULT", "AGREE", "ACCUSE", "RETREAT"}
    assert any(e["source"] for e in events)
    assert all(0 < e["confidence"] <= 1 for e in events)


def test_rules_and_trained_deciders_differ_somewhere(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    assert _extract(a, {"CEASEFIRE_CODER": "rules"}).returncode == 0
    assert _extract(b, {"CEASEFIRE_CODER": "trained"}).returncode == 0
    key = lambda e: (e["type"], e["start"], (e["source"] or {}).get("id"), (e["target"] or {}).get("id"))  # noqa: E731
    assert sorted(map(key, _events(a))) != sorted(map(key, _events(b)))


@pytest.mark.parametrize("damage", ["missing", "corrupt"])
def test_damaged_weights_stop_the_run_naming_the_file(tmp_path: Path, damage: str) -> None:
    weights = tmp_path / "w"
    shutil.copytree(MODEL_DIR, weights)
    if damage == "missing":
        (weights / "type.npy").unlink()
    else:
        (weights / "type.npy").write_bytes(b"\x00not numpy")
    ran = _extract(tmp_path, {"CEASEFIRE_CODER": "trained", "CEASEFIRE_CODER_MODEL": str(weights)})
    assert ran.returncode == 2
    assert "type.npy" in ran.stderr and "train-coder" in ran.stderr
    assert "Traceback" not in ran.stderr
    assert not (tmp_path / "out.jsonl").exists() or not (tmp_path / "out.jsonl").read_text().strip()
