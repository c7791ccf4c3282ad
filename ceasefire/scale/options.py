"""The command-line options of a distributed run (shared by extract, ingest and run)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..cli_values import FloatRange
from .cluster import CONNECT_TIMEOUT, ScaleOptions

# Upper bounds: far above any real run, low enough that no value overflows a timer or asks
# Dask for an absurd cluster (a clear usage error instead).
MAX_WORKERS = 1024
MAX_PARTITION = 10_000_000
MAX_CONNECT_S = 86_400.0


def _scheduler(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if "://" not in value:
        value = f"tcp://{value}"
    scheme, _, rest = value.partition("://")
    host, _, port = rest.rpartition(":")
    if scheme not in ("tcp", "tls", "ws", "wss", "inproc", "ucx") or not host or not port.isdigit():
        raise click.BadParameter(f"{value!r} is not a scheduler address like tcp://HOST:PORT")
    return value


def scale_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--workers, --scheduler, --partition-size, --run-dir -> ``scale=ScaleOptions(...)``."""

    @click.option(
        "--workers",
        "-j",
        type=click.IntRange(min=1, max=MAX_WORKERS),
        default=1,
        show_default=True,
        help="Extract in N worker processes (a local Dask cluster) when N > 1.",
    )
    @click.option(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        callback=_scheduler,
        help="Extract on a running Dask cluster (its scheduler's address) instead.",
    )
    @click.option(
        "--partition-size",
        type=click.IntRange(min=1, max=MAX_PARTITION),
        default=ScaleOptions.partition_size,
        show_default=True,
        help="Documents per Dask task.",
    )
    @click.option(
        "--run-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Folder for the Parquet partitions of a distributed run (default: DB.runs/KEY "
        "beside an SQLite database; a temporary folder for extract).",
    )
    @click.option(
        "--connect-timeout",
        type=FloatRange(min=0, max=MAX_CONNECT_S, min_open=True),
        default=CONNECT_TIMEOUT,
        show_default=True,
        help="Seconds to wait for --scheduler.",
    )
    @functools.wraps(fn)
    def wrapper(
        *args: Any,
        workers: int,
        scheduler: str | None,
        partition_size: int,
        run_dir: Path | None,
        connect_timeout: float,
        **kwargs: Any,
    ) -> Any:
        scale = ScaleOptions(
            workers=workers,
            scheduler=scheduler,
            partition_size=partition_size,
            run_dir=run_dir,
            connect_timeout=connect_timeout,
        )
        return fn(*args, scale=scale, **kwargs)

    return wrapper
