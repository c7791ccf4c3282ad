"""The web UI and JSON API of `ceasefire serve`.

Public surface: :func:`create_app` and :func:`serve`. FastAPI and uvicorn are
imported only when called, so importing ``ceasefire.web`` costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(db_url: str, *, read_only: bool = True, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The FastAPI app over the store at ``db_url`` (path or sqlite:///path); answering only
    requests whose Host header is one of ``allowed_hosts`` (None: any)."""
    from .app import create_app as _create

    return _create(db_url, read_only=read_only, allowed_hosts=allowed_hosts)


def serve(
    db_url: str, host: str = "127.0.0.1", port: int = 8000, allowed_hosts: list[str] | None = None
) -> None:
    """Serve the web UI until interrupted. Binds to loopback unless ``host`` says otherwise;
    answers only requests whose Host header is one of ``allowed_hosts`` (None: any)."""
    run(create_app(db_url, allowed_hosts=allowed_hosts), host, port)


def run(app: FastAPI, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve an app made by :func:`create_app` until interrupted."""
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="info")


__all__ = ["create_app", "run", "serve"]
