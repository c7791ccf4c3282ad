"""The casualty gold set (``corpus/casualties/data/gold.jsonl``; format in its README).

Each line names a sentence of a shared text by unit id (``collection:key:start-end``,
see :mod:`ceasefire.corpus.sources`) with its counts as offsets + labels; the text
is read from ``../shared/external`` in place and checked against the line's ``sha1``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..corpus import sources
from ..models import Casualty

GOLD_PATH = Path(__file__).resolve().parents[2] / "corpus" / "casualties" / "data" / "gold.jsonl"
SPLITS = ("tune", "heldout")


class GoldError(ValueError):
    pass


@dataclass
class GoldUnit:
    unit: str
    outlet: str
    split: str
    text: str
    published: str | None
    counts: list[Casualty]


def parse_unit(unit: str) -> tuple[str, str, int, int]:
    collection, key, span = unit.rsplit(":", 2)
    a, b = span.split("-")
    return collection, key, int(a), int(b)


def load(split: str | None = None, path: Path = GOLD_PATH) -> list[GoldUnit]:
    """The gold units of ``split`` ("tune", "heldout"; None: both), with their text.

    Raises GoldError naming the line when a unit's text no longer matches its sha1
    or a count's span lies outside its sentence, and SourceMissing without ../shared."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        obj = json.loads(line)
        if obj["split"] not in SPLITS:
            raise GoldError(f"{path}:{n}: split {obj['split']!r} is not one of {', '.join(SPLITS)}")
        if split is not None and obj["split"] != split:
            continue
        collection, key, a, b = parse_unit(obj["unit"])
        doc = sources.document(collection, key)
        text = doc.text[a:b]
        if hashlib.sha1(text.encode()).hexdigest()[:12] != obj["sha1"]:
            raise GoldError(f"{path}:{n}: {obj['unit']}: the shared text changed (sha1 mismatch)")
        counts = []
        for c in obj["counts"]:
            s, e = c["span"]
            if not a <= s < e <= b:
                raise GoldError(f"{path}:{n}: span {s}-{e} lies outside the unit {a}-{b}")
            counts.append(
                Casualty(
                    kind=c["kind"],
                    low=c["low"],
                    best=c["best"],
                    high=c["high"],
                    group=c["group"],
                    mention=text[s - a : e - a],
                    start=s - a,
                    end=e - a,
                )
            )
        out.append(GoldUnit(obj["unit"], obj["outlet"], obj["split"], text, doc.published, counts))
    return out
