"""Scale out: the extraction pipeline on a Dask cluster.

- :class:`ScaleOptions` -- how many workers, or which scheduler, and the partition size;
- :func:`process` -- :func:`ceasefire.pipeline.process` spread over the cluster (same
  items, same order), writing each partition as Parquet under the run's folder;
- :mod:`.worker` -- the model warm-up plugin and the partition task;
- :mod:`.parts` -- the Parquet layout of a partition.

Nothing here is imported by a single-process run: ``dask`` loads only when a
command is given ``--workers N`` (N > 1) or ``--scheduler``.
"""

from __future__ import annotations

from typing import Any

from .cluster import ClusterUnavailable, ScaleOptions

__all__ = ["ClusterUnavailable", "ScaleOptions", "process"]


def __getattr__(name: str) -> Any:
    if name == "process":  # imports distributed: only when a run is distributed
        from .run import process

        return process
    raise AttributeError(name)
