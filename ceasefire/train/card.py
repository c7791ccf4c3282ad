"""The model card and the data checksums recorded with the weights."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ..corpus.gold import GOLD, ROOT


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def data_checksums() -> dict[str, str]:
    out = {}
    for split in ("train", "dev"):
        p = GOLD / f"{split}.jsonl"
        if p.exists():
            out[f"corpus/gold/{split}.jsonl"] = sha256_file(p)
    manifest = ROOT / "MANIFEST.json"
    if manifest.exists():
        out["corpus/MANIFEST.json"] = sha256_file(manifest)
    return out


def previous_learner(folder: Path) -> str | None:
    try:
        return json.loads((folder / "meta.json").read_text())["learner"]
    except (OSError, ValueError, KeyError):
        return None


def write_card(folder: Path, meta: dict[str, Any]) -> None:
    lines = [
        "# Model card: the ceasefire event coder",
        "",
        "**What it is for.** Deciding, for each candidate trigger that the coder's rules (or the open",
        "verb/noun proposer) put forward in an English news sentence, its PLOVER event type or no event,",
        "and for each event which actor mention of the sentence is its source and which its target.",
        "Status, mode, claimant, place and date stay with the rules.",
        "",
        f"**Learner.** `{meta['learner']}` (mode `{meta['mode']}`), chosen on dev among "
        + ", ".join(
            f"{k} (type F1 {v['type_f1']}, type+source+target {v['tst_f1']})"
            for k, v in meta["compared"].items()
        )
        + f"; seed {meta['seed']}; trained in {meta['train_seconds']} s on the CPU.",
        "",
        "**Training data.** The project's own corpus, train split (outlets in `ceasefire/corpus/splits.py`;",
        f"{meta['examples']['type']} candidate triggers, {meta['examples']['role']} trigger-mention pairs) and "
        f"{meta['conflibert_sentences']} ConfliBERT role sentences. Checksums:",
        "",
        *[f"- `{k}`: `{v}`" for k, v in sorted(meta["data"].items())],
        "",
        f"**Thresholds and calibration** (fitted on dev): {meta['thresholds']}; isotonic calibration of",
        "the confidence against the share of dev events right on type, source and target.",
        "",
        f"**Dev, offline decode:** type F1 {meta['dev_offline']['type_f1']}, type + source + target F1 "
        f"{meta['dev_offline']['type_source_target_f1']}.",
        "",
        "**Measured figures** (dev gold, the test split, ConfliBERT roles cross-validated, PLOVER and",
        "PETRARCH, each through `ceasefire extract`) are printed by `scripts/eval` and kept in",
        "`docs/CODER.md`.",
        "",
        "**Where it fails.** Triggers no proposer puts forward are never coded; an actor the mention",
        "recogniser does not find cannot be a source or target; the models see one sentence at a time.",
    ]
    (folder / "card.md").write_text("\n".join(lines) + "\n")
