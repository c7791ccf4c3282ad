"""A cluster that loses every worker stops the run with a clear error instead of waiting forever."""

from __future__ import annotations

import time

import pytest


@pytest.mark.slow
def test_a_cluster_without_workers_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from distributed import Client

    from ceasefire.scale import ClusterUnavailable, run
    from ceasefire.scale.cluster import local_cluster

    monkeypatch.setattr(run, "POLL_S", 0.5)
    cluster = local_cluster(1, dashboard_address=":0")
    try:
        with Client(cluster) as client:
            assert client.submit(sum, [1, 2], pure=False).result(timeout=60) == 3
            cluster.scale(0)  # every worker gone, none coming back
            deadline = time.monotonic() + 60
            while client.nthreads() and time.monotonic() < deadline:
                time.sleep(0.2)
            assert not client.nthreads()
            fut = client.submit(sum, [3, 4], pure=False)
            t0 = time.monotonic()
            with pytest.raises(ClusterUnavailable, match="no worker for 2 s"):
                run._result(client, fut, grace=2.0)
            assert time.monotonic() - t0 < 10
    finally:
        cluster.close()
