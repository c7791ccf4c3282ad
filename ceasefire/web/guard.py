"""The outermost layer of the web app: Host check, HEAD, headers on every response, no tracebacks.

Starlette puts its error handler outside every middleware an app adds, so a
500 it sends would go out without the security headers. :class:`GuardedApp`
wraps the whole middleware stack in :class:`Guard` instead, which:

- checks the Host header against the names served (DNS rebinding: a page on
  another site whose name resolves to 127.0.0.1 must not read the API),
  with Starlette's ``TrustedHostMiddleware``;
- answers HEAD as GET without the body (FastAPI routes answer GET only);
- adds the security headers to every response, errors included;
- turns an unexpected exception into one log line and a plain 500, so that
  no traceback reaches the client or the terminal.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from fastapi import FastAPI
from starlette.middleware.trustedhost import TrustedHostMiddleware

log = logging.getLogger("ceasefire.web")

# Names a server bound to loopback answers to.
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")
_ANY = ("0.0.0.0", "::", "")


def served_names(host: str, extra: Iterable[str] = ()) -> list[str]:
    """The Host names `ceasefire serve --host HOST` accepts: loopback, HOST itself
    (unless it is a wildcard address), and ``extra`` (``--allow-host``; ``*`` is any)."""
    names = list(LOOPBACK_NAMES)
    if host not in _ANY:
        names.append(host.strip("[]"))
        if ":" in host:
            names.append(f"[{host.strip('[]')}]")
    if host in _ANY:
        import socket

        names += [socket.gethostname(), socket.getfqdn()]
    names += [e.strip() for e in extra if e.strip()]
    return list(dict.fromkeys(n.lower() for n in names))


class Guard:
    """Pure ASGI wrapper, see the module docstring."""

    def __init__(self, app: Any, headers: list[tuple[bytes, bytes]], allowed_hosts: list[str] | None):
        self.headers = headers
        self.app = TrustedHostMiddleware(app, allowed_hosts=allowed_hosts) if allowed_hosts else app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}
        started = False

        async def guarded_send(message: Any) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                have = {k.lower() for k, _ in message.get("headers", [])}
                message = {
                    **message,
                    "headers": [
                        *message.get("headers", []),
                        *((k, v) for k, v in self.headers if k not in have),
                    ],
                }
            elif message["type"] == "http.response.body" and head:
                message = {**message, "body": b""}
            await send(message)

        try:
            await self.app(scope, receive, guarded_send)
        except Exception as exc:  # the last line of defence: one log line, never a traceback
            log.error("%s %s failed: %s: %s", scope["method"], scope.get("path"), type(exc).__name__, exc)
            log.debug("traceback", exc_info=True)
            if not started:
                body = b"Internal Server Error"
                await guarded_send(
                    {
                        "type": "http.response.start",
                        "status": 500,
                        "headers": [
                            (b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()),
                        ],
                    }
                )
                await guarded_send({"type": "http.response.body", "body": body})


class GuardedApp(FastAPI):
    """A FastAPI app whose middleware stack, error handler included, runs inside :class:`Guard`.

    ``guard_headers`` and ``allowed_hosts`` (None: any Host) are set before the first request.
    """

    guard_headers: list[tuple[bytes, bytes]] = []
    allowed_hosts: list[str] | None = None

    def build_middleware_stack(self) -> Any:
        return Guard(super().build_middleware_stack(), self.guard_headers, self.allowed_hosts)
