"""From the coders' files to the corpus: agreement, the adjudicated splits, the manifest.

``corpus/annotations/`` holds one file per batch and coder: ``bNN.<coder>.jsonl``
(the first coding of every sentence), ``dNN.<coder>.jsonl`` (the second,
independent coding of the doubly coded share) and ``adjudicated.jsonl``
(the final coding of every doubly coded sentence on which the two
disagreed). The gold of a sentence is its adjudicated coding if there is
one, else its first coding.

``corpus/MANIFEST.json`` records the sha256 of every corpus file and of the
shared files the offsets point into; ``scripts/eval`` and the tests check it.
The test split is frozen: once the manifest holds its checksum, ``assemble``
refuses to write a different one unless ``--refreeze`` is given.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from . import agree as agreement_mod
from .answers import read_jsonl
from .gold import GOLD, ROOT
from .sources import external
from .splits import SPLITS, split_of

ANNOTATIONS = ROOT / "annotations"
MANIFEST = ROOT / "MANIFEST.json"
AGREEMENT = ROOT / "AGREEMENT.json"
SHARED_FILES = (
    ("geoparsing", "event_location", "labeled_text.jsonl.zip"),
    ("ngec_guardian_sdf", "Guardian_SDF_sample.csv.zip"),
    ("fakenewscorpus", "news_sample.csv"),
    ("geoparsing", "milangritta", "TR-News.xml"),
)


def _sha(path: Path) -> str:
    from ..train.card import sha256_file

    return sha256_file(path)


def codings(prefix: str) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(ANNOTATIONS.glob(f"{prefix}*.jsonl")):
        for rec in read_jsonl(path):
            out.setdefault(rec["unit"], rec)
    return out


def agree(args: list[str]) -> int:
    first, second = codings("b"), codings("d")
    res = agreement_mod.agreement(first, second)
    by_outlet = {}
    groups: dict[str, list[str]] = defaultdict(list)
    for u in set(first) & set(second):
        groups[split_of(first[u]["outlet"])].append(u)
    for split, units in sorted(groups.items()):
        sub = agreement_mod.agreement({u: first[u] for u in units}, {u: second[u] for u in units})
        by_outlet[split] = sub.as_dict()
    out = {"all": res.as_dict(), "by_split": by_outlet}
    AGREEMENT.write_text(json.dumps(out, indent=1) + "\n")
    print(json.dumps(out, indent=1))
    return 0


def gold_records() -> dict[str, dict[str, Any]]:
    final = codings("b")
    adjudicated = ANNOTATIONS / "adjudicated.jsonl"
    if adjudicated.exists():
        for rec in read_jsonl(adjudicated):
            final[rec["unit"]] = rec
    return final


def assemble(args: list[str]) -> int:
    final = gold_records()
    tasks = json.loads((ROOT / "tasks.json").read_text())
    order = [u for name, ids in tasks.items() if name.startswith("b") for u in ids]
    missing = [u for u in order if u not in final]
    by_split: dict[str, list[dict[str, Any]]] = {s: [] for s in SPLITS}
    for u in order:
        if u in final:
            by_split[split_of(final[u]["outlet"])].append(final[u])
    old = json.loads(MANIFEST.read_text()) if MANIFEST.exists() else {}
    GOLD.mkdir(parents=True, exist_ok=True)
    texts = {
        s: "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in recs)
        for s, recs in by_split.items()
    }
    import hashlib

    new_test = hashlib.sha256(texts["test"].encode("utf-8")).hexdigest()
    frozen = old.get("frozen", {}).get("corpus/gold/test.jsonl")
    if frozen and frozen != new_test and "--refreeze" not in args:
        print(
            "assemble: the test split is frozen and would change; nothing written (use --refreeze to accept)"
        )
        return 1
    for s, text in texts.items():
        (GOLD / f"{s}.jsonl").write_text(text, encoding="utf-8")
    files = sorted(
        p for p in [*ANNOTATIONS.glob("*.jsonl"), *GOLD.glob("*.jsonl"), ROOT / "tasks.json"] if p.exists()
    )
    manifest = {
        "files": {str(p.relative_to(ROOT.parent)): _sha(p) for p in files},
        "shared": {
            "/".join(parts): _sha(external(*parts)) for parts in SHARED_FILES if external(*parts).exists()
        },
        "frozen": {"corpus/gold/test.jsonl": new_test if not frozen or "--refreeze" in args else frozen},
        "counts": stats_dict(by_split),
        "units_without_coding": len(missing),
    }
    MANIFEST.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    print(json.dumps(manifest["counts"]["total"], indent=1))
    if missing:
        print(f"{len(missing)} units have no coding yet")
    return 0


def stats_dict(by_split: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    total = Counter()
    outlets: dict[str, Counter] = defaultdict(Counter)
    for split, recs in by_split.items():
        c = Counter()
        for r in recs:
            n = len(r["events"])
            c["sentences"] += 1
            c["events"] += n
            c["no_event_sentences"] += n == 0
            outlets[r["outlet"]]["sentences"] += 1
            outlets[r["outlet"]]["events"] += n
            outlets[r["outlet"]]["split=" + split] = 1
            c["conflict=" + str(r.get("conflict"))] += 1
        out[split] = dict(sorted(c.items()))
        total.update(c)
    out["total"] = dict(sorted(total.items()))
    out["outlets"] = {k: dict(v) for k, v in sorted(outlets.items())}
    return out


def stats(args: list[str]) -> int:
    by_split = {s: list(read_jsonl(GOLD / f"{s}.jsonl")) for s in SPLITS if (GOLD / f"{s}.jsonl").exists()}
    print(json.dumps(stats_dict(by_split), indent=1))
    return 0
