"""The main job as library functions: read -> clean/split -> NLP -> records.

:func:`process` streams :class:`DocumentResult` (or :class:`InputError`) for
every input document. :func:`extract` writes the JSON Lines contract of
SPEC.md; :func:`ingest` stores results. The CLI is a thin shell over these.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO

from .clean import BoilerplateStats, articles_from_document
from .ingest import ReadOptions, iter_documents
from .models import Document, ExtractRecord, InputError

log = logging.getLogger(__name__)

# Articles are handed to spaCy in groups of this many documents' articles, so
# nlp.pipe can batch across documents while output still streams. 64 articles
# kept memory flat (< 400 MB RSS) on the bundled examples and the seed pages.
DOC_CHUNK = 64


@dataclass
class ExtractOptions:
    read: ReadOptions = field(default_factory=ReadOptions)
    nlp: bool = True  # run actors/places/dates/quotes/events; False = articles only
    model: str | None = None  # spaCy package name; None = ceasefire.nlp default
    batch_size: int = 32
    two_pass: bool = True  # learn recurring boilerplate lines across the run first


@dataclass
class DocumentResult:
    document: Document
    records: list[ExtractRecord]
    skipped: bool = False  # already stored; not processed again


@dataclass
class RunSummary:
    documents_ok: int = 0
    documents_failed: int = 0
    documents_skipped: int = 0  # already stored
    articles: int = 0
    events: int = 0
    quotes: int = 0
    errors: list[InputError] = field(default_factory=list)

    def add(self, item: DocumentResult | InputError) -> None:
        if isinstance(item, InputError):
            self.documents_failed += 1
            self.errors.append(item)
            return
        if item.skipped:
            self.documents_skipped += 1
            return
        self.documents_ok += 1
        self.articles += len(item.records)
        self.events += sum(len(r.events) for r in item.records)
        self.quotes += sum(len(r.quotes) for r in item.records)

    @property
    def exit_code(self) -> int:
        """0: all ok; 1: some inputs failed; 3: nothing could be read at all."""
        if self.documents_failed and not (self.documents_ok or self.documents_skipped):
            return 3
        return 1 if self.documents_failed else 0

    def line(self) -> str:
        parts = [f"{self.documents_ok} documents ok", f"{self.documents_failed} failed"]
        if self.documents_skipped:
            parts.append(f"{self.documents_skipped} already stored")
        parts += [f"{self.articles} articles", f"{self.events} events", f"{self.quotes} quotes"]
        return ", ".join(parts)


def _rereadable(inputs: list[str]) -> bool:
    return all(i != "-" and not i.startswith(("http://", "https://")) for i in inputs)


def learn_boilerplate(inputs: list[str], read: ReadOptions) -> tuple[BoilerplateStats, int]:
    """First pass: line statistics over every readable document of the run."""
    stats = BoilerplateStats()
    n = 0
    for item in iter_documents(inputs, read):
        if isinstance(item, Document):
            stats.observe(item)
            n += 1
    return stats, n


def process(
    inputs: Iterable[str],
    options: ExtractOptions | None = None,
    *,
    skip: Callable[[str], bool] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> Iterator[DocumentResult | InputError]:
    """Stream results for every input document, in input order.

    ``skip(doc_id)`` lets a caller (the store) skip documents it already has;
    skipped documents are yielded as a DocumentResult with no records.
    """
    options = options or ExtractOptions()
    inputs = list(inputs)
    stats: BoilerplateStats | None = None
    if options.two_pass and _rereadable(inputs):
        stats, total = learn_boilerplate(inputs, options.read)
        if on_total:
            on_total(total)
    annotator = None
    if options.nlp:
        from .nlp import Annotator

        annotator = Annotator(model=options.model, batch_size=options.batch_size)

    pending: list[DocumentResult | InputError] = []
    n_articles = 0

    def flush() -> Iterator[DocumentResult | InputError]:
        nonlocal pending, n_articles
        if annotator is not None:
            records = [r for p in pending if isinstance(p, DocumentResult) for r in p.records]
            failures = annotator.annotate(records)
            for i, p in enumerate(pending):
                if isinstance(p, DocumentResult) and any(r.article_id in failures for r in p.records):
                    reasons = sorted({failures[r.article_id] for r in p.records if r.article_id in failures})
                    pending[i] = InputError(p.document.source, "; ".join(reasons))
        yield from pending
        pending, n_articles = [], 0

    for item in iter_documents(inputs, options.read):
        if isinstance(item, InputError):
            pending.append(item)
        elif skip is not None and skip(item.doc_id):
            pending.append(DocumentResult(item, [], skipped=True))
        else:
            try:
                articles = articles_from_document(item, stats)
            except RecursionError:
                articles = []
            if not articles:
                pending.append(InputError(item.source, "no article text found"))
            else:
                for a in articles:
                    a.url = a.url or item.meta.get("url")
                recs = [ExtractRecord(item.doc_id, item.source, a) for a in articles]
                pending.append(DocumentResult(item, recs))
                n_articles += len(recs)
        if n_articles >= DOC_CHUNK or len(pending) >= DOC_CHUNK:
            yield from flush()
    yield from flush()


def write_jsonl(results: Iterable[DocumentResult | InputError], out: IO[str],
                on_item: Callable[[DocumentResult | InputError], None] | None = None) -> RunSummary:
    """Write each record as one JSON line; return the run summary."""
    summary = RunSummary()
    for item in results:
        summary.add(item)
        if isinstance(item, DocumentResult):
            for rec in item.records:
                out.write(json.dumps(rec.to_json(), ensure_ascii=False) + "\n")
        if on_item:
            on_item(item)
    return summary
