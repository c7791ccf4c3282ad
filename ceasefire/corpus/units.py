"""Annotation units: sentences of the shared texts, chosen deterministically.

A unit is one sentence of one shared document, named
``collection:key:start-end`` (character offsets into the document text of
:mod:`ceasefire.corpus.sources`). Units of one document keep their order,
so an annotator reads each sentence after the ones before it.

:func:`select_units` draws the corpus sample with a fixed seed: quotas per
outlet for Halterman's single sentences, leading passages for articles. The
quotas are chosen so that every outlet, and the no-event sentences of
articles, are well represented; they are not tuned on any figure.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from . import sources

SEED = 20261207
# Single Halterman sentences per outlet (each marks an event verb already, so few are empty).
HALTERMAN_QUOTA = {
    "AP": 350,
    "AFP": 300,
    "Xinhua": 250,
    "Al-Masdar News": 300,
    "PITF atrocities (wire excerpts)": 150,
    "Wikipedia": 50,
    "Syrian National Coalition": 50,
}
GUARDIAN_ARTICLES, GUARDIAN_SENTENCES = 100, 6
TRNEWS_ARTICLES, TRNEWS_SENTENCES = 100, 4
FAKENEWS_SENTENCES, FAKENEWS_MAX = 5, 200
MIN_CHARS, MAX_CHARS = 25, 600
CONFLICT_WORDS = re.compile(
    r"\b(Syria|Syrian|ISIS|ISIL|Islamic State|Iraq|Afghan|Taliban|Yemen|Houthi|Ukrain|Donbas|Libya|"
    r"Gaza|Israel|Hamas|Hezbollah|Kurd|air ?strikes?|troops|militants?|rebels?|insurgents?|ceasefire|"
    r"bomb(ing|ed|s)?|shelling|killed)\b"
)


@dataclass(frozen=True)
class Unit:
    collection: str
    key: str
    start: int
    end: int
    outlet: str

    @property
    def id(self) -> str:
        return f"{self.collection}:{self.key}:{self.start}-{self.end}"

    @property
    def doc(self) -> tuple[str, str]:
        return (self.collection, self.key)

    def text(self) -> str:
        return sources.document_text(self.collection, self.key)[self.start : self.end]


def parse_id(unit_id: str) -> tuple[str, str, int, int]:
    collection, key, span = unit_id.rsplit(":", 2)
    a, b = span.split("-")
    return collection, key, int(a), int(b)


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


@cache
def doc_sentences(collection: str, key: str) -> tuple[tuple[int, int], ...]:
    return tuple(sentences(sources.document_text(collection, key)))


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence offsets of a text, by the project's spaCy model."""
    from ..nlp import load_model

    nlp = load_model()
    spans: list[tuple[int, int]] = []
    for block in re.finditer(r"[^\n]+", text):  # a line break always ends a sentence
        doc = nlp(block.group(0))
        for s in doc.sents:
            a, b = _strip(text, block.start() + s.start_char, block.start() + s.end_char)
            if b - a >= 2:
                spans.append((a, b))
    return spans


def _lead(collection: str, key: str, n: int) -> list[Unit]:
    doc = sources.document(collection, key)
    out = []
    for a, b in doc_sentences(collection, key):
        if MIN_CHARS <= b - a <= MAX_CHARS:
            out.append(Unit(collection, key, a, b, doc.outlet))
        if len(out) == n:
            break
    return out


def select_units(seed: int = SEED) -> list[Unit]:
    rng = random.Random(seed)
    units: list[Unit] = []
    # Halterman: distinct sentences, quota per outlet.
    by_outlet: dict[str, list[Unit]] = defaultdict(list)
    seen: set[str] = set()
    for key in sources.keys("halterman"):
        doc = sources.document("halterman", key)
        norm = " ".join(doc.text.split()).lower()
        a, b = _strip(doc.text, 0, len(doc.text))
        if norm in seen or not MIN_CHARS <= b - a <= MAX_CHARS:
            continue
        seen.add(norm)
        by_outlet[doc.outlet].append(Unit("halterman", key, a, b, doc.outlet))
    for outlet, quota in HALTERMAN_QUOTA.items():
        pool = by_outlet[outlet]
        units += sorted(rng.sample(pool, min(quota, len(pool))), key=lambda u: int(u.key))
    # Articles: leading passages.
    for key in sorted(rng.sample(list(sources.keys("guardian")), GUARDIAN_ARTICLES), key=int):
        units += _lead("guardian", key, GUARDIAN_SENTENCES)
    for key in sorted(rng.sample(sorted(sources.keys("trnews")), TRNEWS_ARTICLES)):
        units += _lead("trnews", key, TRNEWS_SENTENCES)
    fn: list[Unit] = []
    for key in sources.keys("fakenews"):
        doc = sources.document("fakenews", key)
        if len(CONFLICT_WORDS.findall(doc.text[:3000])) >= 2:
            fn += _lead("fakenews", key, FAKENEWS_SENTENCES)
        if len(fn) >= FAKENEWS_MAX:
            break
    return units + fn[:FAKENEWS_MAX]


def group_docs(units: Iterable[Unit]) -> dict[tuple[str, str], list[Unit]]:
    docs: dict[tuple[str, str], list[Unit]] = defaultdict(list)
    for u in units:
        docs[u.doc].append(u)
    return docs


def context_before(unit: Unit, n: int = 2) -> str:
    """Up to ``n`` sentences of the document before the unit (empty for single sentences)."""
    if unit.collection == "halterman":
        return ""
    text = sources.document_text(unit.collection, unit.key)
    before = [s for s in doc_sentences(unit.collection, unit.key) if s[1] <= unit.start]
    return " ".join(text[a:b] for a, b in before[-n:])
