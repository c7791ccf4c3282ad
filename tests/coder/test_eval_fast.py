"""The fast part of ``scripts/eval``: the manifest's checksums, then the hybrid column on the dev
gold and the corpus test split through ``ceasefire extract``, against ``tests/floors.json``."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_eval_fast_meets_its_floors(tmp_path: Path) -> None:
    out = tmp_path / "eval.json"
    ran = subprocess.run(
        ["bash", str(ROOT / "scripts" / "eval"), "--fast", "--json", str(out)], capture_output=True, text=True
    )
    assert ran.returncode == 0, ran.stderr[-2000:]
    table = json.loads(out.read_text())
    assert set(table) == {"hybrid"}
    assert 0 < table["hybrid"]["test"]["type_source_target"] <= 1
    assert "| test split: type+source+target F1 |" in ran.stdout
