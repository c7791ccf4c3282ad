"""The adjudicated corpus: one record per coded sentence, with offsets and labels.

``corpus/gold/{train,dev,test}.jsonl`` hold the final codings (one coder's,
or the adjudicated one where two coders disagreed); the per-coder files under
``corpus/annotations/`` are the raw material. :func:`load` reads a split
and checks each sentence against the shared text (sha1 of the sentence), so
a changed or missing source file is an error, not a silent drift.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import sources
from .answers import sentence_sha
from .units import parse_id

ROOT = Path(__file__).resolve().parents[2] / "corpus"
GOLD = ROOT / "gold"


class CorpusError(ValueError):
    pass


@dataclass(frozen=True)
class Span:
    start: int | None  # offsets into the document text; None when the actor is not in the sentence
    end: int | None
    actor: str | None = None  # the coder's canonical name
    id: str | None = None  # the project's actor id, when its dictionary knows the actor

    @classmethod
    def of(cls, obj: dict[str, Any] | None) -> Span | None:
        if obj is None:
            return None
        return cls(obj.get("start"), obj.get("end"), obj.get("actor"), obj.get("id"))


@dataclass(frozen=True)
class GoldEvent:
    trigger: tuple[int, int]
    type: str
    mode: str | None
    status: str
    source: Span | None
    target: Span | None
    claimant: Span | None
    location: Span | None

    @classmethod
    def of(cls, obj: dict[str, Any]) -> GoldEvent:
        return cls(
            tuple(obj["trigger"]),  # type: ignore[arg-type]
            obj["type"],
            obj.get("mode"),
            obj.get("status") or "asserted",
            Span.of(obj.get("source")),
            Span.of(obj.get("target")),
            Span.of(obj.get("claimant")),
            Span.of(obj.get("location")),
        )


@dataclass
class GoldSentence:
    unit: str
    outlet: str
    conflict: str | None
    events: list[GoldEvent] = field(default_factory=list)

    @property
    def doc(self) -> tuple[str, str]:
        c, k, _a, _b = parse_id(self.unit)
        return c, k

    @property
    def span(self) -> tuple[int, int]:
        _c, _k, a, b = parse_id(self.unit)
        return a, b

    def text(self) -> str:
        a, b = self.span
        return sources.document_text(*self.doc)[a:b]


def read(path: Path, verify: bool = True) -> Iterator[GoldSentence]:
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            obj = json.loads(line)
            s = GoldSentence(
                obj["unit"], obj["outlet"], obj.get("conflict"), [GoldEvent.of(e) for e in obj["events"]]
            )
            if verify and sentence_sha(s.text()) != obj["sha1"]:
                raise CorpusError(f"{path}:{n}: the shared text of {s.unit} changed (sha1 differs)")
            yield s


def load(split: str, verify: bool = True) -> list[GoldSentence]:
    path = GOLD / f"{split}.jsonl"
    if not path.exists():
        raise CorpusError(
            f"{path}: no such corpus split (build it with `python -m ceasefire.corpus adjudicate`)"
        )
    return list(read(path, verify))
