"""The corpus tools: ``python -m ceasefire.corpus COMMAND``.

tasks                  draw the units and write coding batches (ids in corpus/tasks.json;
                       readable task files with the text under corpus/.work/, never committed)
show BATCH             print a batch for a coder: id, context, sentence
check FILE             validate a coder's answer file (spans, types, modes, statuses, ids)
convert FILE NAME      answers -> corpus/annotations/NAME.jsonl (offsets + labels only)
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from . import answers, units

ROOT = Path(__file__).resolve().parents[2] / "corpus"
WORK = ROOT / ".work"
TASKS = ROOT / "tasks.json"
BATCH_UNITS = 150
DOUBLE_SHARE = 0.11  # a little over the 10% the corpus must code twice


def make_tasks() -> dict[str, list[str]]:
    chosen = units.select_units()
    docs = list(units.group_docs(chosen).values())
    rng = random.Random(units.SEED)
    rng.shuffle(docs)
    batches: dict[str, list[str]] = {}
    cur: list[str] = []
    for doc in docs:
        cur += [u.id for u in doc]
        if len(cur) >= BATCH_UNITS:
            batches[f"b{len(batches) + 1:02d}"] = cur
            cur = []
    if cur and len(cur) < BATCH_UNITS // 2 and batches:  # a short tail joins the last batch
        batches[f"b{len(batches):02d}"] += cur
    elif cur:
        batches[f"b{len(batches) + 1:02d}"] = cur
    # the doubly coded share: whole documents, drawn across all batches
    target = int(DOUBLE_SHARE * len(chosen))
    double: list[str] = []
    for doc in rng.sample(docs, len(docs)):
        if len(double) >= target:
            break
        double += [u.id for u in doc]
    half = (len(double) + 1) // 2
    batches["d01"], batches["d02"] = double[:half], double[half:]
    return batches


def write_task_files(batches: dict[str, list[str]]) -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / ".gitignore").write_text("*\n")
    for name, ids in batches.items():
        with open(WORK / f"{name}.txt", "w", encoding="utf-8") as f:
            f.write(render(ids))


def render(ids: list[str]) -> str:
    out = []
    for uid in ids:
        c, k, a, b = units.parse_id(uid)
        u = units.Unit(c, k, a, b, "")
        ctx = units.context_before(u)
        out.append(f"### {uid}\n" + (f"CONTEXT: {ctx}\n" if ctx else "") + f"SENTENCE: {u.text()}\n")
    return "\n".join(out)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    cmd, args = argv[0], argv[1:]
    if cmd == "tasks":
        batches = make_tasks()
        TASKS.write_text(json.dumps(batches, indent=0) + "\n")
        write_task_files(batches)
        n = sum(len(v) for k, v in batches.items() if k.startswith("b"))
        print(
            f"{n} units in {sum(k.startswith('b') for k in batches)} batches; "
            f"{len(batches['d01']) + len(batches['d02'])} coded twice; task files in {WORK}"
        )
        return 0
    if cmd == "show":
        batches = json.loads(TASKS.read_text())
        print(render(batches[args[0]]))
        return 0
    if cmd in ("check", "convert"):
        path = Path(args[0])
        batches = json.loads(TASKS.read_text())
        batch = path.name.split(".")[0]
        expected = batches.get(batch)
        res = answers.convert(path.read_text(encoding="utf-8").splitlines(), annotator="?", expected=expected)
        for e in res.errors:
            print(e)
        if cmd == "check":
            n_ev = sum(len(r["events"]) for r in res.records)
            print(
                "ok" if not res.errors else f"{len(res.errors)} problems",
                f"({len(res.records)} sentences, {n_ev} events)",
            )
            return 1 if res.errors else 0
        if res.errors:
            print("not converted: fix the problems first")
            return 1
        name = args[1]
        annotator = name.split(".")[-1]
        out = ROOT / "annotations" / f"{name}.jsonl"
        out.parent.mkdir(parents=True, exist_ok=True)
        with open(out, "w", encoding="utf-8") as f:
            for r in res.records:
                r["annotator"] = annotator
                f.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
        print(f"{out}: {len(res.records)} sentences")
        return 0
    if cmd in ("agree", "assemble", "stats"):
        from . import assemble

        return getattr(assemble, cmd)(args)
    print(f"unknown command {cmd!r}\n{__doc__}")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
