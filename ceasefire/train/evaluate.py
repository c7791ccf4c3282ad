"""``scripts/eval``: one table of the coder's figures, every row through ``ceasefire extract``.

Rows: the dev gold (``../shared/gold/dev``, scored by ``../shared/eval/score.py``), the corpus
test and dev splits (:mod:`ceasefire.corpus.score`), ConfliBERT roles (the metric of
``../shared/eval/roles.py``; cross-validated by sentence folds for the trained columns), the
PLOVER gold-standard sentences and the PETRARCH validation records (type of the first event).

Columns, measured side by side in one run: ``naive`` (the rules' events, first actor of the
sentence as source and second as target), ``rules`` (the rules alone), ``model`` (the model-only
weights: open candidates, no rule features) and ``hybrid`` (the shipped coder).

``--fast`` checks the manifest and runs the hybrid column on the dev gold and the test split (what
CI runs); the full run takes several minutes. Floors are in ``tests/floors.json``; the exit code is
1 when a figure is below its floor.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from ..corpus import gold as corpus_gold
from ..corpus import sources
from ..corpus.score import read_predictions, score, write_inputs
from ..events.model import MODEL_DIR, MODEL_ENV

REPO = Path(__file__).resolve().parents[2]
FLOORS = REPO / "tests" / "floors.json"
COLUMNS = ("naive", "rules", "model", "hybrid")
CB_FOLDS = 5


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[name] = mod
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def column_env(column: str, model_dir: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["CEASEFIRE_CODER"] = {"naive": "naive", "rules": "rules", "hybrid": "hybrid"}.get(column, "trained")
    env.pop(MODEL_ENV, None)
    if model_dir is not None:
        env[MODEL_ENV] = str(model_dir)
    return env


def extract(inputs: list[str], out: Path, env: dict[str, str], text_field: str | None = None) -> Path:
    cli = Path(sys.executable).with_name("ceasefire")
    cmd = [str(cli), "extract", *inputs, "--out", str(out), "-q"]
    if text_field:
        cmd += ["--text-field", text_field]
    res = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if res.returncode not in (0, 1):
        raise RuntimeError(f"ceasefire extract failed ({res.returncode}): {res.stderr.strip()[-500:]}")
    return out


def dev_gold(env: dict[str, str], tmp: Path) -> dict[str, float]:
    score_py = _load(sources.shared_root() / "eval" / "score.py", "shared_score")
    seeds = sorted(str(p) for p in (sources.shared_root() / "corpus" / "seeds").glob("*.txt"))
    pred = extract(seeds, tmp / "dev_gold.jsonl", env)
    s = score_py.score(
        score_py.load_gold(sources.shared_root() / "gold" / "dev"), score_py.load_pred(pred), False
    )
    return {k: s[f"events_{k}"]["f1"] for k in ("type", "actors", "full")}


def corpus_split(split: str, env: dict[str, str], tmp: Path) -> dict[str, Any]:
    sents = corpus_gold.load(split)
    inputs = tmp / f"{split}.inputs.jsonl"
    docs = write_inputs(sents, inputs)
    pred = extract([str(inputs)], tmp / f"{split}.pred.jsonl", env, "text")
    return score(sents, read_predictions(pred, docs))


def _first_types(texts: list[str], env: dict[str, str], tmp: Path, name: str) -> list[tuple[str, list[dict]]]:
    inputs = tmp / f"{name}.jsonl"
    with open(inputs, "w", encoding="utf-8") as f:
        for i, t in enumerate(texts):
            f.write(json.dumps({"text": t, "id": str(i)}) + "\n")
    pred = extract([str(inputs)], tmp / f"{name}.pred.jsonl", env, "text")
    out: list[list[dict]] = [[] for _ in texts]
    for line in open(pred, encoding="utf-8"):
        rec = json.loads(line)
        i = int(rec["source"].rsplit("#row", 1)[1]) - 1
        out[i] += [e for e in rec["events"] if e.get("status") != "negated"]
    return [(t, evs) for t, evs in zip(texts, out, strict=True)]


def plover(env: dict[str, str], tmp: Path) -> float:
    bench = _load(REPO / "benchmarks" / "plover_types.py", "bench_plover")
    cases = bench.load_cases()
    got = _first_types([c.text for c in cases], env, tmp, "plover")
    ok = sum(bool(evs) and evs[0]["type"] in c.accepted for c, (_t, evs) in zip(cases, got, strict=True))
    return round(ok / len(cases), 3)


def petrarch(env: dict[str, str], tmp: Path) -> float:
    bench = _load(REPO / "benchmarks" / "petrarch_types.py", "bench_petrarch")
    cases = bench.load_cases()
    got = _first_types([c.text for c in cases], env, tmp, "petrarch")
    ok = 0
    for c, (_t, evs) in zip(cases, got, strict=True):
        first = evs[0]["type"] if evs else "none"
        ok += first in c.accepted
    return round(ok / len(cases), 3)


def conflibert(env: dict[str, str], tmp: Path, fold_dirs: list[Path] | None) -> dict[str, float]:
    """Source and target both right, the metric of ../shared/eval/roles.py; per fold when trained."""
    from .dataset import conflibert_rows

    roles = _load(sources.shared_root() / "eval" / "roles.py", "shared_roles")
    rows = conflibert_rows()
    preds: dict[int, list[dict]] = {}
    folds = range(CB_FOLDS) if fold_dirs else [None]
    for k in folds:
        idx = [i for i in range(len(rows)) if k is None or i % CB_FOLDS == k]
        fenv = dict(env)
        if k is not None:
            fenv[MODEL_ENV] = str(fold_dirs[k])  # type: ignore[index]
        got = _first_types([rows[i]["text"] for i in idx], fenv, tmp, f"cb{k}")
        for i, (_t, evs) in zip(idx, got, strict=True):
            preds[i] = evs
    n = both = src_n = src_ok = tgt_n = tgt_ok = 0
    for i, r in enumerate(rows):
        s_spans = r["roles"].get("S", []) + r["roles"].get("R", [])
        t_spans = r["roles"].get("T", []) + r["roles"].get("R", [])
        best = (0, 0, 0)
        for e in preds.get(i, []):
            so, to = roles.role_ok(e.get("source"), s_spans), roles.role_ok(e.get("target"), t_spans)
            best = max(best, (so + to, so, to))
        n += bool(s_spans and t_spans)
        both += bool(s_spans and t_spans and best[1] and best[2])
        src_n += bool(s_spans)
        src_ok += best[1]
        tgt_n += bool(t_spans)
        tgt_ok += best[2]
    return {
        "both": round(both / n, 3),
        "source": round(src_ok / src_n, 3),
        "target": round(tgt_ok / tgt_n, 3),
    }


def check_manifest() -> list[str]:
    from .card import sha256_file

    manifest_path = corpus_gold.ROOT / "MANIFEST.json"
    if not manifest_path.exists():
        return [f"{manifest_path}: missing"]
    manifest = json.loads(manifest_path.read_text())
    bad = []
    for rel, sha in manifest["files"].items():
        p = REPO / rel
        if not p.exists() or sha256_file(p) != sha:
            bad.append(f"{rel}: checksum differs from corpus/MANIFEST.json")
    for rel, sha in manifest["shared"].items():
        p = sources.external(*rel.split("/"))
        if p.exists() and sha256_file(p) != sha:
            bad.append(f"../shared/external/{rel}: checksum differs from corpus/MANIFEST.json")
    test = REPO / "corpus" / "gold" / "test.jsonl"
    if sha256_file(test) != manifest["frozen"]["corpus/gold/test.jsonl"]:
        bad.append("corpus/gold/test.jsonl: not the frozen test split")
    return bad


def run(columns: tuple[str, ...], fast: bool, tmp: Path, fold_dirs: dict[str, list[Path]]) -> dict[str, Any]:
    table: dict[str, dict[str, Any]] = {}
    for col in columns:
        env = column_env(col)
        row: dict[str, Any] = {"dev_gold": dev_gold(env, tmp), "test": corpus_split("test", env, tmp)["all"]}
        if not fast:
            row["dev"] = corpus_split("dev", env, tmp)["all"]
            row["conflibert"] = conflibert(env, tmp, fold_dirs.get(col))
            row["plover"] = plover(env, tmp)
            row["petrarch"] = petrarch(env, tmp)
        table[col] = row
        print(f"{col}: {json.dumps(row)}", file=sys.stderr)
    return table


def render(table: dict[str, dict[str, Any]]) -> str:
    cols = list(table)
    rows = [
        ("dev gold: type F1", lambda r: r["dev_gold"]["type"]),
        ("dev gold: type+source+target F1", lambda r: r["dev_gold"]["actors"]),
        ("dev gold: full F1", lambda r: r["dev_gold"]["full"]),
        ("test split: type F1", lambda r: r["test"]["type"]),
        ("test split: type+source+target F1", lambda r: r["test"]["type_source_target"]),
        ("test split: full F1", lambda r: r["test"]["full"]),
        ("dev split: type F1", lambda r: r["dev"]["type"]),
        ("dev split: type+source+target F1", lambda r: r["dev"]["type_source_target"]),
        ("dev split: full F1", lambda r: r["dev"]["full"]),
        ("ConfliBERT roles: both right", lambda r: r["conflibert"]["both"]),
        ("ConfliBERT roles: source right", lambda r: r["conflibert"]["source"]),
        ("ConfliBERT roles: target right", lambda r: r["conflibert"]["target"]),
        ("PLOVER GSR: first-event type", lambda r: r["plover"]),
        ("PETRARCH records: first-event type", lambda r: r["petrarch"]),
    ]
    out = ["| | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for label, get in rows:
        vals = []
        for c in cols:
            try:
                vals.append(f"{get(table[c]):.3f}")
            except (KeyError, TypeError):
                vals.append("")
        if any(vals):
            out.append(f"| {label} | " + " | ".join(vals) + " |")
    return "\n".join(out)


def below_floors(table: dict[str, dict[str, Any]]) -> list[str]:
    floors = json.loads(FLOORS.read_text())["eval"]
    bad = []
    for key, floor in floors.items():
        col, *path = key.split("/")
        value: Any = table.get(col)
        for p in path:
            value = value.get(p) if isinstance(value, dict) else None
        if value is not None and value < floor:
            bad.append(f"{key} = {value} is below its floor {floor}")
    return bad


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="eval", description=__doc__.split("\n")[0])
    ap.add_argument("--fast", action="store_true")
    ap.add_argument("--columns", default=",".join(COLUMNS))
    ap.add_argument("--json", type=Path, default=None, help="also write the table as JSON here")
    args = ap.parse_args(argv)
    bad = check_manifest()
    if bad:
        print("eval: the corpus does not match its manifest:\n  " + "\n  ".join(bad), file=sys.stderr)
        return 2
    columns = ("hybrid",) if args.fast else tuple(c for c in args.columns.split(",") if c)
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        fold_dirs: dict[str, list[Path]] = {}
        if not args.fast:
            from .cv import fold_models

            for col, base in (("model", MODEL_DIR), ("hybrid", MODEL_DIR)):
                if col in columns:
                    fold_dirs[col] = fold_models(base, tmpd / f"folds-{col}", CB_FOLDS)
        table = run(columns, args.fast, tmpd, fold_dirs)
    print(render(table))
    if args.json:
        args.json.write_text(json.dumps(table, indent=1) + "\n")
    bad = below_floors(table)
    for b in bad:
        print("below floor: " + b, file=sys.stderr)
    return 1 if bad else 0
