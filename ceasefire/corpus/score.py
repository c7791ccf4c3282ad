"""Score `ceasefire extract` output on a corpus split, the way ../shared/eval/score.py does.

The inputs are the shared documents themselves (whole articles, or the single
Halterman sentence), written as JSON Lines for `ceasefire extract
--text-field text`; so the score runs through the production path. A gold
sentence is found in the extracted article text (whitespace-insensitive);
predicted events are those coded from a sentence overlapping it.

Levels, as in the project's dev-gold scorer: **type**; **type + source +
target**; **full** = those plus the location. Gold ``null`` for a role or the
location means "not scored"; negated events are left out of the F1s. A
predicted actor matches a gold one when their spans overlap, their ids are
equal, or their names are equal after normalisation.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import sources
from .gold import GoldEvent, GoldSentence, Span


def write_inputs(sentences: Iterable[GoldSentence], path: Path) -> list[tuple[str, str]]:
    """One JSON line per shared document holding a gold sentence; returns the docs in row order."""
    docs: list[tuple[str, str]] = []
    for s in sentences:
        if s.doc not in docs:
            docs.append(s.doc)
    with open(path, "w", encoding="utf-8") as f:
        for c, k in docs:
            d = sources.document(c, k)
            row = {"id": f"{c}:{k}", "text": d.text}
            if d.published:
                row["date"] = d.published
            if d.title:
                row["title"] = d.title
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return docs


def read_predictions(path: Path, docs: list[tuple[str, str]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    out: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            m = re.search(r"#row(\d+)$", rec["source"])
            if m:
                out[docs[int(m[1]) - 1]].append(rec)
    return out


def _norm(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").lower()).strip()


def _name_key(text: str | None) -> str:
    return re.sub(r"^the ", "", _norm(text))


def _find(haystack: str, needle: str) -> tuple[int, int] | None:
    """Offsets of ``needle`` in ``haystack`` allowing any whitespace between its words."""
    words = needle.split()
    if not words:
        return None
    m = re.search(r"\s+".join(map(re.escape, words)), haystack)
    return (m.start(), m.end()) if m else None


@dataclass
class Located:
    """A gold sentence found in a predicted article: the article and the offset shift."""

    record: dict[str, Any]
    start: int  # sentence start in article text
    end: int
    shift: int  # article offset = document offset + shift (inside the sentence)


def locate(s: GoldSentence, records: list[dict[str, Any]]) -> Located | None:
    sent = s.text()
    for rec in records:
        hit = _find(rec["article"]["text"], sent)
        if hit:
            return Located(rec, hit[0], hit[1], hit[0] - s.span[0])
    return None


def _span_text(doc_text: str, span: Span) -> str:
    return doc_text[span.start : span.end] if span.start is not None else ""


def role_ok(pred: dict[str, Any] | None, gold: Span | None, loc: Located, doc_text: str) -> bool:
    if gold is None:
        return True
    if not pred:
        return False
    if gold.id and pred.get("id") == gold.id:
        return True
    keys = {_name_key(gold.actor), _name_key(_span_text(doc_text, gold))} - {""}
    if _name_key(pred.get("name")) in keys or _name_key(pred.get("mention")) in keys:
        return True
    ps, pe = pred.get("start"), pred.get("end")
    if gold.start is not None and isinstance(ps, int) and isinstance(pe, int):
        gs, ge = gold.start + loc.shift, gold.end + loc.shift  # type: ignore[operator]
        return ps < ge and gs < pe
    return False


def place_ok(pred: dict[str, Any] | None, gold: Span | None, loc: Located, doc_text: str) -> bool:
    if gold is None:
        return True
    if not pred:
        return False
    name = _name_key(_span_text(doc_text, gold))
    if name and name in (_name_key(pred.get("mention")), _name_key(pred.get("name"))):
        return True
    ps, pe = pred.get("start"), pred.get("end")
    if isinstance(ps, int) and isinstance(pe, int):
        gs, ge = gold.start + loc.shift, gold.end + loc.shift  # type: ignore[operator]
        return ps < ge and gs < pe
    return False


@dataclass
class Tally:
    tp: Counter = field(default_factory=Counter)  # level -> matched gold events
    pred: int = 0
    gold: int = 0
    sentences: int = 0
    not_found: int = 0  # gold sentences absent from the extracted text (their events count as missed)

    def add(self, other: Tally) -> None:
        self.tp.update(other.tp)
        self.pred += other.pred
        self.gold += other.gold
        self.sentences += other.sentences
        self.not_found += other.not_found

    def f1(self, level: int) -> float:
        tp = self.tp[level]
        p = tp / self.pred if self.pred else 0.0
        r = tp / self.gold if self.gold else 0.0
        return round(2 * p * r / (p + r), 3) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "gold": self.gold,
            "pred": self.pred,
            "type": self.f1(1),
            "type_source_target": self.f1(2),
            "full": self.f1(3),
            "sentences_not_found": self.not_found,
        }


def _events_in(loc: Located) -> list[dict[str, Any]]:
    out = []
    for e in loc.record.get("events", []):
        if e.get("status", "asserted") == "negated":
            continue
        s, t = e.get("start"), e.get("end")
        if isinstance(s, int) and isinstance(t, int) and s < loc.end and loc.start < t:
            out.append(e)
    return out


def _level(pe: dict[str, Any], ge: GoldEvent, loc: Located, doc_text: str) -> int:
    if pe.get("type") != ge.type:
        return 0
    if not (
        role_ok(pe.get("source"), ge.source, loc, doc_text)
        and role_ok(pe.get("target"), ge.target, loc, doc_text)
    ):
        return 1
    return 3 if place_ok(pe.get("location"), ge.location, loc, doc_text) else 2


def score_sentence(s: GoldSentence, records: list[dict[str, Any]]) -> Tally:
    t = Tally(sentences=1)
    gevs = [e for e in s.events if e.status != "negated"]
    t.gold = len(gevs)
    loc = locate(s, records)
    if loc is None:
        t.not_found = 1
        return t
    doc_text = sources.document_text(*s.doc)
    pevs = _events_in(loc)
    t.pred = len(pevs)
    used: set[int] = set()
    for ge in gevs:
        best, best_i = 0, None
        for i, pe in enumerate(pevs):
            if i in used:
                continue
            lvl = _level(pe, ge, loc, doc_text)
            if lvl > best:
                best, best_i = lvl, i
        if best_i is not None:
            used.add(best_i)
        for lvl in (1, 2, 3):
            t.tp[lvl] += best >= lvl
    return t


def score(
    sentences: list[GoldSentence], preds: dict[tuple[str, str], list[dict[str, Any]]]
) -> dict[str, Any]:
    total, by_outlet = Tally(), defaultdict(Tally)
    for s in sentences:
        t = score_sentence(s, preds.get(s.doc, []))
        total.add(t)
        by_outlet[s.outlet].add(t)
    return {"all": total.as_dict(), "by_outlet": {k: v.as_dict() for k, v in sorted(by_outlet.items())}}
