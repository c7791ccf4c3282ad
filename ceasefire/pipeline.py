"""The main job as library functions: read -> clean/split -> NLP -> records.

- :func:`process` streams a :class:`DocumentResult` (or an :class:`InputError`)
  for every input document;
- :func:`write_jsonl` writes them as the `ceasefire extract` contract of SPEC.md;
- :func:`ingest` stores them (skipping documents already stored);
- :func:`run` is the main job: ingest, then the HTML report.

The CLI is a thin shell over these.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .clean import BoilerplateStats, articles_from_document
from .ingest import ReadOptions, iter_documents
from .models import Document, ExtractRecord, InputError
from .nlp.language import CODED_LANGUAGE, detect_language

log = logging.getLogger(__name__)


# Articles are handed to spaCy in groups of this many documents' articles, so
# nlp.pipe can batch across documents while output still streams. Memory is
# dominated by fixed costs (spaCy model, actor dictionary, gazetteer): 632 MB
# peak RSS for `ceasefire run` on the bundled examples with the gazetteer cache
# warm (`/usr/bin/time -v`; about 1.1 GB on a first run that builds the cache).
# The chunk keeps the per-article part small.
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
    columns: dict[str, str] = field(default_factory=dict)  # table file -> the columns its rows were read from
    not_coded: Counter[str] = field(default_factory=Counter)  # language -> articles stored, not coded
    in_pieces: int = 0  # articles too long for one parse, parsed in pieces

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
        note = item.document.meta.get("columns")
        if note:
            self.columns.setdefault(item.document.source.rsplit("#row", 1)[0], note)
        for r in item.records:
            lang = r.article.language
            if lang and lang != CODED_LANGUAGE:
                self.not_coded[lang] += 1
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

    def notes(self) -> list[str]:
        """What else the run should say: the columns each table was read from, the articles
        not coded for their language."""
        out = [f"{src}: {note}" for src, note in self.columns.items()]
        if self.not_coded:
            n = sum(self.not_coded.values())
            langs = ", ".join(lang for lang, _ in self.not_coded.most_common())
            out.append(
                f"{n} article{'s' if n != 1 else ''} in {langs}: stored, not coded (only English is coded)"
            )
        return out


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
    yield from process_documents(iter_documents(inputs, options.read), options, stats, skip=skip)


def process_documents(
    items: Iterable[Document | InputError],
    options: ExtractOptions,
    stats: BoilerplateStats | None = None,
    *,
    skip: Callable[[str], bool] | None = None,
) -> Iterator[DocumentResult | InputError]:
    """The extraction of :func:`process` over documents already read, in order.

    ``stats`` are the boilerplate statistics of the whole run (the first pass);
    :mod:`ceasefire.scale` calls this on each partition of documents.
    """
    annotator = None  # loaded when the first article needs NLP (not for a rerun that skips all)

    pending: list[DocumentResult | InputError] = []
    n_articles = 0

    def flush() -> Iterator[DocumentResult | InputError]:
        nonlocal pending, n_articles, annotator
        records = [r for p in pending if isinstance(p, DocumentResult) for r in p.records]
        if options.nlp and records:
            if annotator is None:
                from .nlp import Annotator

                annotator = Annotator(model=options.model, batch_size=options.batch_size)
            failures = annotator.annotate(records)
            for i, p in enumerate(pending):
                if isinstance(p, DocumentResult) and any(r.article_id in failures for r in p.records):
                    reasons = sorted({failures[r.article_id] for r in p.records if r.article_id in failures})
                    pending[i] = InputError(p.document.source, "; ".join(reasons))
        yield from pending
        pending, n_articles = [], 0

    for item in items:
        if isinstance(item, InputError):
            pending.append(item)
        elif skip is not None and skip(item.doc_id):
            pending.append(DocumentResult(item, [], skipped=True))
        else:
            try:
                articles = articles_from_document(item, stats)
            except Exception as exc:  # a cleaner bug on one page must not stop the run
                log.debug("cleaner failed on %s", item.source, exc_info=True)
                pending.append(InputError(item.source, f"cleaner failed: {type(exc).__name__}: {exc}"))
                continue
            if not articles:
                pending.append(InputError(item.source, "no article text found"))
            else:
                for a in articles:
                    a.url = a.url or item.meta.get("url")
                    # A table's outlet column names the outlet of everything in the row.
                    a.publisher = a.publisher or item.meta.get("publisher")
                    a.language = detect_language(a.text)
                if not articles[0].title and item.meta.get("name"):
                    articles[0].title = item.meta["name"]  # an untitled row: its readable name, never a hash
                recs = [ExtractRecord(item.doc_id, item.source, a) for a in articles]
                pending.append(DocumentResult(item, recs))
                n_articles += len(recs)
        if n_articles >= DOC_CHUNK or len(pending) >= DOC_CHUNK:
            yield from flush()
    yield from flush()


def results(
    inputs: Iterable[str],
    options: ExtractOptions | None = None,
    *,
    scale: Any = None,
    skip: Callable[[str], bool] | None = None,
    on_total: Callable[[int], None] | None = None,
    on_info: Callable[[str], None] | None = None,
    db: str | None = None,
) -> Iterator[DocumentResult | InputError]:
    """:func:`process`, or its distributed twin when ``scale`` (a
    :class:`ceasefire.scale.ScaleOptions`) asks for more than one worker."""
    options = options or ExtractOptions()
    if scale is not None and scale.distributed:
        from .scale import process as scaled

        return scaled(inputs, options, scale, skip=skip, on_total=on_total, on_info=on_info, db=db)
    return process(inputs, options, skip=skip, on_total=on_total)


def write_jsonl(
    results: Iterable[DocumentResult | InputError],
    out: IO[str],
    on_item: Callable[[DocumentResult | InputError], None] | None = None,
) -> RunSummary:
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


def ingest(
    inputs: Iterable[str],
    store: Any,
    options: ExtractOptions | None = None,
    *,
    on_item: Callable[[DocumentResult | InputError], None] | None = None,
    on_total: Callable[[int], None] | None = None,
    scale: Any = None,
    on_info: Callable[[str], None] | None = None,
    db: str | None = None,
) -> RunSummary:
    """Extract and store documents; documents already stored are skipped.

    Each document is saved in one transaction, so an interrupted ingest leaves
    the store consistent and rerunning it completes the work. With ``scale``
    (see :func:`results`) extraction runs on a Dask cluster and this process
    is the one writer of the store.
    """
    summary = RunSummary()
    # Articles stored before near-duplicates were kept get their keys and copy links first,
    # so the new ones are compared with every stored article (nothing to do when up to date).
    store.link_unlinked_articles()
    store.link_unlinked_events()
    items = results(
        inputs, options, scale=scale, skip=store.has_document, on_total=on_total, on_info=on_info, db=db
    )
    for item in items:
        if isinstance(item, InputError):
            store.record_error(item.source, item.reason)
        elif not item.skipped and not store.save_document(item.document, item.records):
            # Stored meanwhile: the same content earlier in this run, or another process
            # won the race. Counted as already stored, not as what this run committed.
            item.skipped = True
        summary.add(item)
        if on_item:
            on_item(item)
    return summary


@dataclass
class RunResult:
    summary: RunSummary
    stats: Any  # store.StoreStats
    report: Path


def run(
    inputs: Iterable[str],
    db: str,
    options: ExtractOptions | None = None,
    *,
    report: Path | None = None,
    on_item: Callable[[DocumentResult | InputError], None] | None = None,
    on_total: Callable[[int], None] | None = None,
    scale: Any = None,
    on_info: Callable[[str], None] | None = None,
) -> RunResult:
    """The main job: ingest into the store at ``db``, then write the HTML report.

    The report goes to ``report``, by default next to an SQLite file
    (``ceasefire.db`` -> ``ceasefire.report.html``) or ``ceasefire-report.html``
    in the working directory for a server URL.
    """
    from .report import write_report
    from .store import open_store

    if report is None:
        report = Path(db).with_suffix(".report.html") if "://" not in db else Path("ceasefire-report.html")
    with open_store(db) as store:
        summary = ingest(
            inputs, store, options, on_item=on_item, on_total=on_total, scale=scale, on_info=on_info, db=db
        )
        write_report(store, report)
        stats = store.stats()
    return RunResult(summary, stats, report)
