"""What runs on a Dask worker: the model warm-up plugin and the partition task.

:class:`WarmModels` is a ``distributed`` worker plugin: when a worker starts
(and when the nanny replaces a dead one) it runs the real annotator once on a
short text, so every model and table the extraction stages load lazily (the
spaCy pipeline, the actor dictionary, the gazetteer index, the event coder's
lexicon and trained model, the date parser) is loaded once per worker process,
before the first task, never once per task.

:func:`extract_partition` is the task: documents in, the bytes of one Parquet
partition out (see :mod:`ceasefire.scale.parts`).
"""

from __future__ import annotations

import logging
import os
import time
from typing import Any

from ..clean import BoilerplateStats
from ..models import Document, InputError
from ..pipeline import DocumentResult, ExtractOptions, process_documents
from .parts import Outcome, encode

log = logging.getLogger(__name__)

WARM_TEXT = (
    "Russian aircraft struck rebel positions near Aleppo on Monday, the Syrian defence ministry said. "
    '"We will respond," a spokesman told reporters in Damascus.'
)

# Per worker process: which models are warm, and when (for the driver's checks and the tests).
WARMED: dict[str, float] = {}


def warm(options: ExtractOptions) -> float:
    """Load everything the annotator loads by running it once; returns the seconds it took."""
    if not options.nlp:
        return 0.0
    key = options.model or ""
    if key in WARMED:
        return 0.0
    from ..models import Article, ExtractRecord
    from ..nlp import Annotator

    t0 = time.perf_counter()
    rec = ExtractRecord("warm-up", "warm-up", Article(0, "primary", None, WARM_TEXT))
    Annotator(model=options.model, batch_size=options.batch_size).annotate([rec])
    WARMED[key] = time.perf_counter() - t0
    return WARMED[key]


try:  # the plugin base class; the module stays importable (and the task runnable) without distributed
    from distributed import WorkerPlugin
except ImportError:  # pragma: no cover
    WorkerPlugin = object  # type: ignore[misc,assignment]


class WarmModels(WorkerPlugin):  # type: ignore[misc]
    """Loads the extraction models once in each worker process, at worker start."""

    name = "ceasefire-warm-models"

    def __init__(self, options: ExtractOptions):
        self.options = options

    def setup(self, worker: Any) -> None:
        seconds = warm(self.options)
        log.info(
            "worker %s: models loaded in %.1f s (pid %d)",
            getattr(worker, "address", "?"),
            seconds,
            os.getpid(),
        )


# Per worker process: the boilerplate statistics of each run in progress, by run fingerprint.
RUN_STATS: dict[str, BoilerplateStats | None] = {}


class RunStats(WorkerPlugin):  # type: ignore[misc]
    """Gives every worker of the cluster, including one started later in place of a dead
    one, the run's boilerplate statistics (the first pass), once per worker rather than
    with every task; scattered data would be lost with the workers holding it."""

    def __init__(self, fingerprint: str, stats: BoilerplateStats | None):
        self.fingerprint = fingerprint
        self.stats = stats
        self.name = f"ceasefire-run-{fingerprint[:16]}"

    def setup(self, worker: Any) -> None:
        RUN_STATS[self.fingerprint] = self.stats

    def teardown(self, worker: Any) -> None:
        RUN_STATS.pop(self.fingerprint, None)


def extract_partition(docs: list[Document], options: ExtractOptions, fingerprint: str) -> bytes:
    """Extract one partition of documents; the result is one Parquet file's bytes.

    Every document gives one outcome: its records, or the reason it failed (a
    stage error, no article text). Models come from the per-process caches the
    plugin warmed (loaded here on first use if the plugin is missing); the run's
    boilerplate statistics from :class:`RunStats`.
    """
    if fingerprint not in RUN_STATS:
        raise RuntimeError(f"worker {os.getpid()} has no statistics of run {fingerprint[:16]}")
    stats = RUN_STATS[fingerprint]
    warm(options)
    outcomes = []
    results = process_documents(docs, options, stats)
    for doc, item in zip(docs, results, strict=True):
        base = (doc.doc_id, doc.source, doc.media_type, doc.meta, len(doc.data))
        if isinstance(item, InputError):
            outcomes.append(Outcome(*base, [], item.reason))
        else:
            assert isinstance(item, DocumentResult)
            outcomes.append(Outcome(*base, item.records))
    return encode(outcomes)


def worker_pid() -> int:
    return os.getpid()
