"""Starting or joining a Dask cluster for extraction.

``dask.distributed`` is the scheduler: it places tasks on workers, restarts a
dead worker (through its nanny) and reschedules what it was doing, serves a
dashboard, and scales from processes on one machine (``LocalCluster``) to a
cluster of machines (``--scheduler tcp://HOST:PORT``) without code changes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..pipeline import ExtractOptions

log = logging.getLogger(__name__)

# A task whose worker died is tried once more, then given up on (KilledWorker); the driver
# then runs its documents one by one to find and skip the one that kills workers.
ALLOWED_FAILURES = 1
# How long to wait for an existing scheduler to answer.
CONNECT_TIMEOUT = 5.0
# A worker whose scheduler is gone (the driver was killed) exits after this many seconds.
DEATH_TIMEOUT = 30
# How long a cluster with no worker yet (just started) may take to get one.
WAIT_FOR_WORKERS = 60


class ClusterUnavailable(RuntimeError):
    """The scheduler cannot be reached or no cluster can be started (CLI exit 2)."""


@dataclass
class ScaleOptions:
    """How extraction is spread: ``workers`` > 1 starts a LocalCluster of that many
    processes; ``scheduler`` (``tcp://HOST:PORT``) joins a running cluster instead."""

    workers: int = 1
    scheduler: str | None = None
    partition_size: int = 16  # documents per task
    run_dir: Path | None = None  # where the Parquet partitions go (see ceasefire.scale.run)
    connect_timeout: float = CONNECT_TIMEOUT
    dashboard_address: str = ":8787"  # a busy port falls back to a free one

    @property
    def distributed(self) -> bool:
        return self.scheduler is not None or self.workers > 1


def _config() -> dict[str, Any]:
    return {
        "distributed.scheduler.allowed-failures": ALLOWED_FAILURES,
        # The driver keeps a bounded window of partitions in flight; no work stealing
        # surprises are needed, but it is harmless and helps uneven partitions.
        "distributed.scheduler.work-stealing": True,
        "distributed.worker.daemon": True,
    }


def quiet_dask_logs() -> None:
    """``distributed`` logs every scheduler and nanny step at INFO on stderr, between the
    run's own lines; like the other libraries it speaks only at ERROR unless ``-v``."""
    if not logging.getLogger("ceasefire").isEnabledFor(logging.DEBUG):
        logging.getLogger("distributed").setLevel(logging.ERROR)


def local_cluster(n_workers: int, dashboard_address: str = ":8787") -> Any:
    """A LocalCluster of ``n_workers`` single-threaded processes, configured as :func:`open_client`
    expects (its scheduler retries a task once after a worker death)."""
    import dask
    from distributed import LocalCluster

    quiet_dask_logs()

    with dask.config.set(_config()):
        return LocalCluster(
            n_workers=n_workers,
            threads_per_worker=1,  # spaCy and the stages hold the GIL: one process per core
            processes=True,
            dashboard_address=dashboard_address,
            silence_logs=logging.ERROR,
            death_timeout=DEATH_TIMEOUT,
        )


@contextmanager
def open_client(scale: ScaleOptions, options: ExtractOptions) -> Iterator[Any]:
    """A connected ``distributed.Client`` whose workers load the models once each (the plugin)."""
    import dask
    from distributed import Client

    from .worker import WarmModels

    quiet_dask_logs()

    with dask.config.set(_config()):
        cluster = None
        if scale.scheduler:
            try:
                client = Client(scale.scheduler, timeout=scale.connect_timeout)
            except (OSError, TimeoutError, ValueError) as exc:
                raise ClusterUnavailable(
                    f"cannot reach the Dask scheduler at {scale.scheduler} within "
                    f"{scale.connect_timeout:.0f} s ({type(exc).__name__}: {exc}); is it running "
                    "(`dask scheduler`) and is the address right?"
                ) from None
        else:
            try:
                cluster = local_cluster(scale.workers, scale.dashboard_address)
            except Exception as exc:  # noqa: BLE001 - ports, process limits, ...: one line, not a traceback
                raise ClusterUnavailable(
                    f"cannot start a local Dask cluster: {type(exc).__name__}: {exc}"
                ) from exc
            client = Client(cluster)
        try:
            if not client.nthreads():
                try:
                    client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
                except TimeoutError:
                    raise ClusterUnavailable(
                        f"the Dask scheduler at {scale.scheduler} has no workers (waited {WAIT_FOR_WORKERS} s); "
                        "start some with `dask worker ADDRESS`"
                    ) from None
            client.register_plugin(WarmModels(options), name=WarmModels.name)
            yield client
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def n_threads(client: Any) -> int:
    """Task slots of the cluster now (at least 1)."""
    return max(1, sum(client.nthreads().values()))
