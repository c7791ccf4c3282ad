"""The driver of a distributed run: stream, partition, submit, collect, in order.

:func:`process` is :func:`ceasefire.pipeline.process` spread over a Dask
cluster, and yields the same items in the same order, so ``extract``,
``ingest`` and ``run`` consume it unchanged:

1. the first pass (boilerplate statistics) reads the inputs on the driver,
   and its result is sent to every worker once;
2. the second pass streams the documents and cuts them into partitions of
   ``partition_size`` documents; at most a few partitions per worker are in
   flight, so memory stays bounded whatever the size of the input;
3. each partition is extracted on a worker into Parquet bytes
   (:mod:`ceasefire.scale.worker`), written by the driver to
   ``<run folder>/parts/`` and then handed on (to the store, or to JSON Lines);
4. a task that fails is tried once more; if it fails again, its documents
   are run one by one, and a document that still fails (or kills its worker
   twice) is reported by path and skipped.

Rerunning after a crash: partitions already in the run folder are not
computed again; for ``ingest`` they are loaded into the store first
(documents already stored are skipped), then only what is missing runs.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import pickle
import shutil
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..clean import BoilerplateStats
from ..ingest import iter_documents
from ..models import Document, InputError
from ..pipeline import DocumentResult, ExtractOptions, _rereadable, learn_boilerplate
from . import parts
from .cluster import ClusterUnavailable, ScaleOptions, n_threads, open_client
from .worker import RunStats, extract_partition

log = logging.getLogger(__name__)

# Partitions in flight per task slot: enough to keep every worker busy while the
# driver waits for the oldest (results are handed on in input order).
INFLIGHT_PER_THREAD = 3
# A nanny that cannot restart its dead worker (a loaded machine, a poison document that kills
# every replacement) leaves the cluster with no worker, and a future waits on it forever. After
# this many seconds without any worker the run stops with a clear error (exit 2) instead.
NO_WORKER_GRACE_S = 120.0
POLL_S = 5.0
DONE = "done.json"


@functools.cache
def code_digest() -> str:
    """A hash of the package's code and data: partitions of another build are not reused."""
    h = hashlib.sha256(__version__.encode())
    root = Path(__file__).resolve().parents[1]
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def fingerprint(options: ExtractOptions, stats: BoilerplateStats | None) -> str:
    """What shapes extraction besides the documents themselves."""
    h = hashlib.sha256(code_digest().encode())
    h.update(json.dumps([options.nlp, options.model, repr(options.read)]).encode())
    h.update(pickle.dumps(stats, protocol=4) if stats is not None else b"-")
    return h.hexdigest()


def default_run_dir(db: str, inputs: list[str], fp: str) -> Path:
    """``<db>.runs/<key>`` beside an SQLite file, ``ceasefire-runs/<key>`` for a server URL;
    the key names the inputs and the options, so the same command finds its own folder."""
    h = hashlib.sha256(fp.encode())
    for i in inputs:
        h.update(str(Path(i).resolve() if "://" not in i and i != "-" else i).encode() + b"\0")
    base = Path(f"{db}.runs") if "://" not in db else Path("ceasefire-runs")
    return base / h.hexdigest()[:16]


@dataclass
class _Partition:
    items: list[Document | InputError]
    key: str
    todo: list[Document] = field(default_factory=list)
    future: Any = None
    path: Path | None = None  # an existing partition file (from an earlier run)


def _partitions(stream: Iterable[Document | InputError], size: int) -> Iterator[list[Document | InputError]]:
    chunk: list[Document | InputError] = []
    n_docs = 0
    for item in stream:
        chunk.append(item)
        if isinstance(item, Document):
            n_docs += 1
        if n_docs >= size:
            yield chunk
            chunk, n_docs = [], 0
    if chunk:
        yield chunk


def _crash_reason(exc: BaseException) -> str:
    if _killed_worker(exc):
        return "a worker died twice while extracting this document (crash or out of memory); skipped"
    return f"extraction failed twice: {type(exc).__name__}: {exc}"


def process(
    inputs: Iterable[str],
    options: ExtractOptions,
    scale: ScaleOptions,
    *,
    skip: Callable[[str], bool] | None = None,
    on_total: Callable[[int], None] | None = None,
    on_info: Callable[[str], None] | None = None,
    db: str | None = None,
) -> Iterator[DocumentResult | InputError]:
    """Like :func:`ceasefire.pipeline.process`, on a Dask cluster (see the module doc).

    ``skip`` (the store's ``has_document``) makes it an ingest: partitions left by an
    interrupted run are handed on first, and documents seen once are not run again.
    """
    inputs = list(inputs)
    say = on_info or (lambda _msg: None)
    with open_client(scale, options) as client:  # first: an unreachable scheduler fails at once
        stats: BoilerplateStats | None = None
        if options.two_pass and _rereadable(inputs):
            stats, total = learn_boilerplate(inputs, options.read)
            if on_total:
                on_total(total)
        fp = fingerprint(options, stats)
        temporary = scale.run_dir is None and db is None
        run_dir = scale.run_dir or (
            default_run_dir(db, inputs, fp) if db else Path(tempfile.mkdtemp(prefix="ceasefire-run-"))
        )
        run_dir.mkdir(parents=True, exist_ok=True)
        say(
            f"Dask: {len(client.scheduler_info()['workers'])} workers, dashboard {client.dashboard_link}"
            + ("" if temporary else f"; partitions in {run_dir}")
        )
        try:
            yield from _drive(client, inputs, options, scale, stats, fp, run_dir, skip)
            (run_dir / DONE).write_text(json.dumps({"fingerprint": fp}) + "\n", encoding="utf-8")
        finally:
            if temporary:
                shutil.rmtree(run_dir, ignore_errors=True)


def _drive(
    client: Any,
    inputs: list[str],
    options: ExtractOptions,
    scale: ScaleOptions,
    stats: BoilerplateStats | None,
    fp: str,
    run_dir: Path,
    skip: Callable[[str], bool] | None,
) -> Iterator[DocumentResult | InputError]:
    seen: set[bytes] = set()  # documents handed on in this run (16-byte id prefixes)
    preloaded: set[bytes] = set()  # ... of them, those handed on from an earlier run's partitions

    def mark(doc_id: str) -> bool:
        """True the first time a document is seen (ingest only: a repeat is 'already stored')."""
        k = bytes.fromhex(doc_id[:32])
        if k in seen:
            return False
        seen.add(k)
        return True

    if skip is not None and not (run_dir / DONE).exists():
        for path in parts.existing_parts(run_dir):  # what an interrupted run computed already
            for o in parts.decode(path):
                if skip(o.doc_id) or not mark(o.doc_id):
                    continue
                preloaded.add(bytes.fromhex(o.doc_id[:32]))
                yield o.input_error() if o.error is not None else DocumentResult(o.document(), o.records)

    run_stats = RunStats(fp, stats)
    client.register_plugin(run_stats, name=run_stats.name)
    try:
        yield from _stream(client, inputs, options, scale, fp, run_dir, skip, mark, preloaded)
    finally:
        with contextlib.suppress(Exception):  # the cluster may be gone already (its error is raised)
            client.unregister_worker_plugin(run_stats.name)


def _stream(
    client: Any,
    inputs: list[str],
    options: ExtractOptions,
    scale: ScaleOptions,
    fp: str,
    run_dir: Path,
    skip: Callable[[str], bool] | None,
    mark: Callable[[str], bool],
    preloaded: set[bytes],
) -> Iterator[DocumentResult | InputError]:
    window: deque[_Partition] = deque()

    def submit(docs: list[Document]) -> Any:
        return client.submit(extract_partition, docs, options, fp, retries=1, pure=False)

    def finish(p: _Partition) -> Iterator[DocumentResult | InputError]:
        outcomes: dict[str, parts.Outcome] = {}
        if p.path is not None:
            outcomes = {o.doc_id: o for o in parts.decode(p.path)}
        elif p.future is not None:
            try:
                data = _result(client, p.future)
            except ClusterUnavailable:
                raise
            except Exception as exc:  # noqa: BLE001 - bisect below, whatever the task raised
                log.warning("partition %s failed twice (%s); running its documents one by one", p.key, exc)
                data = _one_by_one(client, p.todo, submit)
            parts.write_part(run_dir, p.key, data)
            outcomes = {o.doc_id: o for o in parts.decode(data)}
        for item in p.items:
            if isinstance(item, InputError):
                yield item
            elif preloaded and bytes.fromhex(item.doc_id[:32]) in preloaded:
                continue  # handed on above, from its partition file
            elif item.doc_id in outcomes:
                o = outcomes[item.doc_id]
                yield (
                    InputError(item.source, o.error)
                    if o.error is not None
                    else DocumentResult(item, o.records)
                )
            else:
                yield DocumentResult(item, [], skipped=True)

    limit = INFLIGHT_PER_THREAD * n_threads(client)
    for chunk in _partitions(iter_documents(inputs, options.read), scale.partition_size):
        todo = [
            d
            for d in chunk
            if isinstance(d, Document) and (skip is None or (not skip(d.doc_id) and mark(d.doc_id)))
        ]
        p = _Partition(chunk, parts.part_key((d.doc_id for d in todo), fp), todo)
        if todo:
            path = parts.part_path(run_dir, p.key)
            if path.exists():
                p.path = path
            else:
                p.future = submit(todo)
        window.append(p)
        while len(window) >= limit:
            yield from finish(window.popleft())
    while window:
        yield from finish(window.popleft())


def _one_by_one(client: Any, docs: list[Document], submit: Callable[[list[Document]], Any]) -> bytes:
    """Run a failed partition's documents one task each; a document that fails again is reported.

    A task that merely shared a worker with the one that crashed it dies with it and counts
    that death too, so a document given up on as KilledWorker is run once more by itself,
    after all the others have settled: only one that kills its worker alone is reported."""
    futures = [submit([d]) for d in docs]  # all submitted at once, then awaited
    settled = [_settle(client, f) for f in futures]
    outcomes: list[parts.Outcome] = []
    for doc, got in zip(docs, settled, strict=True):
        if _killed_worker(got):
            got = _settle(client, submit([doc]))  # alone now: the tasks beside it have settled
        if isinstance(got, BaseException):
            reason = _crash_reason(got)
            log.warning("%s: %s", doc.source, reason)
            outcomes.append(
                parts.Outcome(doc.doc_id, doc.source, doc.media_type, doc.meta, len(doc.data), [], reason)
            )
        else:
            outcomes.extend(parts.decode(got))
    return parts.encode(outcomes)


def _settle(client: Any, fut: Any) -> Any:
    """The task's result, or the exception it ended with (ClusterUnavailable is raised)."""
    try:
        return _result(client, fut)
    except ClusterUnavailable:
        raise
    except Exception as exc:  # noqa: BLE001 - the caller reports it per document
        return exc


def _killed_worker(got: Any) -> bool:
    from distributed.scheduler import KilledWorker

    return isinstance(got, KilledWorker)


def _result(client: Any, fut: Any, grace: float = NO_WORKER_GRACE_S) -> Any:
    """``fut.result()``, but raise :class:`ClusterUnavailable` once the cluster has had no
    worker at all for ``grace`` seconds: nothing would ever run the task."""
    import time

    since: float | None = None
    while True:
        try:
            return fut.result(timeout=POLL_S)
        except TimeoutError:  # distributed's TimeoutError is the builtin one on Python 3.11
            pass
        if client.nthreads():
            since = None
            continue
        now = time.monotonic()
        since = now if since is None else since
        if now - since >= grace:
            raise ClusterUnavailable(
                f"the cluster has had no worker for {grace:.0f} s (workers died and were not replaced)"
            )
