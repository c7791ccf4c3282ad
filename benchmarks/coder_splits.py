"""The coder's dev-gold and corpus-split figures per decider, through `ceasefire extract`.

    .venv/bin/python benchmarks/coder_splits.py [--columns hybrid,rules,naive] [--json out.json]

The quick part of `scripts/eval` (no ConfliBERT cross-validation, PLOVER or PETRARCH rows):
for each column (decider), F1 of type / type+source+target / full on the dev gold, the corpus
test split (outlets never in train) and the corpus dev split.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from ceasefire.train import evaluate as ev


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--columns", default="hybrid,rules,naive")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument(
        "--model", type=Path, default=None, help="another weights folder (default: the shipped one)"
    )
    args = ap.parse_args()
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for col in args.columns.split(","):
            where = Path(tmp) / col
            where.mkdir()
            env = ev.column_env(col, args.model if col in ("model", "hybrid") else None)
            row = {
                "dev_gold": ev.dev_gold(env, where),
                "test": ev.corpus_split("test", env, where)["all"],
                "dev": ev.corpus_split("dev", env, where)["all"],
            }
            out[col] = row
            g, t, d = row["dev_gold"], row["test"], row["dev"]
            print(
                f"{col:7s} dev gold {g['type']:.3f}/{g['actors']:.3f}/{g['full']:.3f}"
                f"  test {t['type']:.3f}/{t['type_source_target']:.3f}/{t['full']:.3f}"
                f"  dev {d['type']:.3f}/{d['type_source_target']:.3f}/{d['full']:.3f}",
                flush=True,
            )
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
