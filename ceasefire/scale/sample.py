"""Distinct news articles built from the shared corpora, for scale tests and benchmarks.

The full articles of ``../shared/external`` (Guardian rows 60 and later,
the FakeNewsCorpus sample, TR-News; 535 texts of 50 words or more) are
too few for a 10,000-article run, and repeating them would let a cache or
the store's duplicate check flatter the figures. Article ``i`` is therefore
full article ``i mod 535`` under a lead sentence from the Halterman (2019)
event sentences, ``i mod 7,458``: every pair differs for the first 3.9
million articles, so every document is distinct, and the length mix is the
same at every size. Texts are read in place, never copied into the project.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from ..corpus import sources

MIN_WORDS = 50


@cache
def _bases() -> list[sources.SourceDoc]:
    out = []
    for collection in ("guardian", "fakenews", "trnews"):
        for key in sources.keys(collection):
            doc = sources.document(collection, key)
            if len(doc.text.split()) >= MIN_WORDS:
                out.append(doc)
    return out


@cache
def _leads() -> list[str]:
    return [sources.document_text("halterman", k).strip() for k in sources.keys("halterman")]


def available() -> str | None:
    """None when the shared corpora are there, else why not."""
    try:
        _bases()
        _leads()
    except sources.SourceMissing as exc:
        return str(exc)
    return None


def articles(n: int) -> Iterator[dict[str, str | None]]:
    """``n`` distinct articles as JSON Lines rows (``id``, ``title``, ``date``, ``text``)."""
    bases, leads = _bases(), _leads()
    for i in range(n):
        base = bases[i % len(bases)]
        lead = leads[i % len(leads)]
        yield {
            "id": f"{base.collection}-{base.key}-{i}",
            "title": base.title,
            "date": base.published,
            "text": f"{lead}\n\n{base.text}",
        }


def write_jsonl(path: Path, n: int) -> int:
    """Write ``n`` articles to ``path``; returns their word count (whitespace-separated)."""
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for row in articles(n):
            words += len(str(row["text"]).split())
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return words
