"""Fixtures of the scale-out tests: real Dask LocalClusters of worker processes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def cluster() -> Iterator[Any]:
    """Two single-threaded worker processes, configured as `--workers 2` starts them."""
    from ceasefire.scale.cluster import local_cluster

    c = local_cluster(2, dashboard_address=":0")
    try:
        yield c
    finally:
        c.close()


@pytest.fixture
def fresh_cluster() -> Iterator[Any]:
    """A cluster of its own, for tests that kill its workers."""
    from ceasefire.scale.cluster import local_cluster

    c = local_cluster(2, dashboard_address=":0")
    try:
        yield c
    finally:
        c.close()
