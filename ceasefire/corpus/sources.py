"""The shared texts the annotated corpus points into, read in place by path.

The corpus never copies article text: an annotation names a document by
``(collection, key)`` and gives character offsets into that document's text
as this module reads it. Every reader here is deterministic, so the same
key always gives the same text; :func:`document_text` is the one lookup.

Collections (all under ``../shared/external``, see its SOURCES.md):

- ``halterman``: the 10,182 event-location sentences of Halterman (2019);
  key = index in the JSON array; outlet from the record's ``source`` field.
- ``guardian``: Guardian articles about Syria (2019), rows 60 and later only;
  rows 0 to 59 are kept for outside measurement and are refused here.
- ``fakenews``: FakeNewsCorpus sample rows; key = row index; outlet = domain.
- ``trnews``: TR-News articles (geoparsing gold); key = docid; outlet = domain.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SHARED_ENV = "CEASEFIRE_SHARED"
GUARDIAN_HELD_OUT = 60  # rows 0..59 are for outside measurement only: never annotated, trained or tuned on

# Halterman's `source` labels -> outlet. Unknown_* and RELABEL name no outlet, so they cannot be
# split by outlet and are left out of the corpus.
HALTERMAN_OUTLETS = {
    "APW_RA": "AP",
    "AP": "AP",
    "AFP_RA": "AFP",
    "Xinhua_RA": "Xinhua",
    "Xinhua": "Xinhua",
    "Masdar_RA": "Al-Masdar News",
    "Masdar": "Al-Masdar News",
    "Atrocities": "PITF atrocities (wire excerpts)",
    "wiki": "Wikipedia",
    "coalition": "Syrian National Coalition",
}


def shared_root() -> Path:
    """``../shared`` beside the checkout (or ``$CEASEFIRE_SHARED``)."""
    env = os.environ.get(SHARED_ENV)
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2].parent / "shared"


def external(*parts: str) -> Path:
    return shared_root().joinpath("external", *parts)


@dataclass(frozen=True)
class SourceDoc:
    collection: str
    key: str
    outlet: str
    text: str
    published: str | None = None
    title: str | None = None


class SourceMissing(FileNotFoundError):
    pass


def _need(path: Path) -> Path:
    if not path.exists():
        raise SourceMissing(f"{path}: shared data is absent (the corpus reads ../shared/external in place)")
    return path


@cache
def _halterman() -> list[dict]:
    path = _need(external("geoparsing", "event_location", "labeled_text.jsonl.zip"))
    with zipfile.ZipFile(path) as z:
        return json.load(z.open("labeled_text.jsonl"))


@cache
def _guardian() -> list[dict[str, str]]:
    path = _need(external("ngec_guardian_sdf", "Guardian_SDF_sample.csv.zip"))
    csv.field_size_limit(1 << 30)
    with zipfile.ZipFile(path) as z:
        with z.open("Guardian_SDF_sample.csv") as f:
            return list(csv.DictReader(io.TextIOWrapper(f, encoding="utf-8", newline="")))


@cache
def _fakenews() -> list[dict[str, str]]:
    path = _need(external("fakenewscorpus", "news_sample.csv"))
    csv.field_size_limit(1 << 30)
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


_TR_ARTICLE = re.compile(
    r'<article docid="(\d+)">.*?<domain>(.*?)</domain>.*?<dltime>(.*?)</dltime>.*?<text><!\[CDATA\[(.*?)\]\]></text>',
    re.S,
)


@cache
def _trnews() -> dict[str, tuple[str, str, str]]:
    path = _need(external("geoparsing", "milangritta", "TR-News.xml"))
    raw = path.read_text(encoding="utf-8")
    return {m[1]: (m[2].strip(), m[3].strip(), m[4]) for m in _TR_ARTICLE.finditer(raw)}


def _domain(value: str) -> str:
    value = re.sub(r"^https?://", "", value.strip().lower())
    value = value.split("/")[0]
    return value[4:] if value.startswith("www.") else value


def document(collection: str, key: str) -> SourceDoc:
    """One shared document by collection and key. KeyError for an unknown key."""
    if collection == "halterman":
        rec = _halterman()[int(key)]
        outlet = HALTERMAN_OUTLETS.get(rec.get("source") or "")
        if outlet is None:
            raise KeyError(f"halterman:{key} has no known outlet ({rec.get('source')!r})")
        return SourceDoc(collection, key, outlet, rec["text"])
    if collection == "guardian":
        i = int(key)
        if i < GUARDIAN_HELD_OUT:
            raise KeyError(f"guardian row {i} is kept for outside measurement (rows 0-59)")
        row = _guardian()[i]
        return SourceDoc(collection, key, "The Guardian", row["text"], published=row["date"][:10] or None)
    if collection == "fakenews":
        row = _fakenews()[int(key)]
        return SourceDoc(
            collection, key, _domain(row["domain"]), row["content"], title=row.get("title") or None
        )
    if collection == "trnews":
        domain, when, text = _trnews()[key]
        return SourceDoc(collection, key, _domain(domain), text, published=when[:10] or None)
    raise KeyError(f"unknown collection {collection!r}")


def document_text(collection: str, key: str) -> str:
    return document(collection, key).text


def keys(collection: str) -> Iterator[str]:
    """Every key of a collection that the corpus may use, in file order."""
    if collection == "halterman":
        for i, rec in enumerate(_halterman()):
            if rec.get("source") in HALTERMAN_OUTLETS:
                yield str(i)
    elif collection == "guardian":
        yield from (str(i) for i in range(GUARDIAN_HELD_OUT, len(_guardian())))
    elif collection == "fakenews":
        yield from (str(i) for i in range(len(_fakenews())))
    elif collection == "trnews":
        yield from _trnews()
    else:
        raise KeyError(f"unknown collection {collection!r}")


COLLECTIONS = ("halterman", "guardian", "fakenews", "trnews")
