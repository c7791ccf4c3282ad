"""Downloading URLs: a whole-download deadline, a size cap, a per-host limit, fetches ahead.

``--timeout`` bounds each wait on the network (connecting, or any one read);
a server that trickles a few bytes every half second never trips it. The
deadline bounds the whole download: when it passes, a watchdog timer shuts
the download's sockets down, which wakes the blocked read at once, and the
consumer stops waiting a moment later whatever the fetching thread is stuck
in (a name lookup cannot be interrupted). What was received by then is kept
only for a web archive, whose complete records are still read.

Fetches run in daemon threads, a few URLs ahead of the reader, at most
``ReadOptions.per_host`` at a time to one host, so that one slow site neither
holds up the others nor gets hammered. The body is spooled to a temporary
file (in memory up to :data:`SPOOL_IN_MEMORY`), never held whole in memory.

Only the standard library is used (urllib with its own connection classes):
the project already fetches with urllib, and no maintained client (httpx,
requests, urllib3) offers a deadline on a whole download either.
"""

from __future__ import annotations

import http.client
import socket
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import IO, Any
from urllib.parse import urlsplit

from .options import MB, ReadOptions, size_text, too_large

USER_AGENT = "ceasefire (news event extraction; +https://github.com/ceasefire)"
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"
CHUNK = 64 * 1024
# Bytes gathered before deciding whether a response is a web archive (as the file readers sniff).
SNIFF = 4096
SPOOL_IN_MEMORY = 4 * MB
# Seconds the reader waits past a download's deadline for its thread to give up
# (the watchdog's shutdown wakes a blocked read within milliseconds).
GRACE_S = 1.0


class Watchdog:
    """Shuts down the sockets of one download when its deadline passes."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self._done = False
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            if self.expired:
                raise TimeoutError("deadline passed")
            self._socks.append(sock)

    def remaining(self) -> float:
        return max(0.0, self.end - time.monotonic())

    def _fire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.expired = True
            for sock in self._socks:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cancel(self) -> None:
        """The download is over: no shutdown after this returns (sockets may be closed)."""
        with self._lock:
            self._done = True
            self._socks.clear()
        self._timer.cancel()


def _watched(base: type[http.client.HTTPConnection]) -> type[http.client.HTTPConnection]:
    class Watched(base):  # type: ignore[valid-type,misc]
        def __init__(self, *args: Any, watchdog: Watchdog, **kwargs: Any):
            super().__init__(*args, **kwargs)
            self._watchdog = watchdog

        def connect(self) -> None:
            super().connect()
            self._watchdog.watch(self.sock)

    return Watched


_HTTPConnection = _watched(http.client.HTTPConnection)
_HTTPSConnection = _watched(http.client.HTTPSConnection)


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, watchdog: Watchdog):
        super().__init__()
        self.watchdog = watchdog

    def http_open(self, req: Any) -> Any:
        return self.do_open(_HTTPConnection, req, watchdog=self.watchdog)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, watchdog: Watchdog):
        super().__init__()
        self.watchdog = watchdog

    def https_open(self, req: Any) -> Any:
        return self.do_open(_HTTPSConnection, req, context=self._context, watchdog=self.watchdog)


def past_deadline(deadline: float, received: int) -> str:
    """The reason given for a download the deadline stopped."""
    return f"download not finished within the {deadline:g} s deadline ({size_text(received)} received)"


@dataclass
class Download:
    """What one fetch got: the response's body spooled to a file, or why there is none.

    ``error``: nothing usable (no connection, HTTP error, too large, deadline
    passed before the body). ``cut``: the body stops early for this reason
    (deadline or size cap); its first bytes are in ``body``.
    """

    url: str
    final_url: str = ""
    content_type: str = ""
    body: IO[bytes] | None = None
    size: int = 0
    declared_length: int | None = None
    error: str | None = None
    cut: str | None = None
    archive: bool = False


def reason(exc: BaseException, url: str, timeout: float) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}".strip()
    inner = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(inner, TimeoutError | socket.timeout):
        return f"timed out after {timeout:g} s"
    if isinstance(inner, socket.gaierror):
        return f"cannot resolve host {urlsplit(url).hostname!r}"
    if isinstance(inner, ConnectionRefusedError):
        return "connection refused"
    return f"fetch failed: {inner}"


def download(url: str, options: ReadOptions, is_archive: Any) -> Download:
    """Fetch ``url`` whole within ``options.deadline`` seconds; never raises for network trouble.

    ``is_archive(name, content_type, head)`` tells from the first bytes whether the
    body is a web archive, which may be up to ``options.max_download_bytes`` (any
    other document: ``options.max_bytes``).
    """
    dl = Download(url)
    watchdog = Watchdog(options.deadline)
    opener = urllib.request.build_opener(_HTTPHandler(watchdog), _HTTPSHandler(watchdog))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT})
    resp = None
    try:
        resp = opener.open(request, timeout=min(options.timeout, options.deadline))
        dl.final_url = resp.geturl()
        dl.content_type = resp.headers.get("Content-Type", "")
        length = resp.headers.get("Content-Length", "")
        dl.declared_length = int(length) if length.isdigit() else None
        body = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115 (returned)
        dl.body = body
        cap = options.max_bytes
        head = b""  # the first bytes, gathered until there are enough to tell an archive
        decided = False
        while True:
            chunk = resp.read1(CHUNK)  # what has arrived (read() would wait for a full chunk)
            if watchdog.expired:
                raise TimeoutError("deadline passed")
            dl.size += len(chunk)
            if not decided:
                head += chunk
                if len(head) < SNIFF and chunk:
                    continue
                decided = True
                dl.archive = bool(is_archive(dl.final_url, dl.content_type, head))
                cap = options.max_download_bytes if dl.archive else options.max_bytes
                if not dl.archive and dl.declared_length is not None and dl.declared_length >= cap:
                    dl.error = too_large(dl.declared_length, options)  # said before the rest is read
                    break
                chunk = head
            if not chunk:
                break
            written = body.tell()
            body.write(chunk[: max(0, cap - written)])
            if dl.size >= cap:
                if dl.archive:
                    dl.cut = f"download stopped at the {size_text(cap)} limit for a web archive"
                else:
                    dl.error = too_large(dl.size, options)
                break
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        if watchdog.expired:
            if dl.size and dl.archive:
                dl.cut = past_deadline(options.deadline, dl.size)
            else:
                dl.error = past_deadline(options.deadline, dl.size)
        else:
            dl.error = reason(exc, url, min(options.timeout, options.deadline))
    finally:
        watchdog.cancel()
        if resp is not None:
            resp.close()
    if dl.body is not None:
        dl.body.seek(0)
    return dl


@dataclass
class _Job:
    url: str
    done: threading.Event = field(default_factory=threading.Event)
    started: float | None = None  # monotonic time the download began (after the host slot)
    result: Download | None = None


class Fetcher:
    """Downloads the URLs of a run a few ahead of the reader, ``per_host`` at a time per host.

    :meth:`take` hands the downloads back in input order; a URL whose thread
    has not answered ``GRACE_S`` after its deadline is given up on.
    """

    def __init__(self, urls: list[str], options: ReadOptions, is_archive: Any):
        self.options = options
        self.is_archive = is_archive
        self.jobs = [_Job(u) for u in urls]
        self.next_start = 0
        self.next_take = 0
        self._slots: dict[str, threading.Semaphore] = {}
        self._lock = threading.Lock()
        self._fill()

    def _slot(self, url: str) -> threading.Semaphore:
        parts = urlsplit(url)
        host = f"{(parts.hostname or '').lower()}:{parts.port or parts.scheme}"
        with self._lock:
            return self._slots.setdefault(host, threading.Semaphore(self.options.per_host))

    def _fill(self) -> None:
        while (
            self.next_start < len(self.jobs) and self.next_start - self.next_take < self.options.fetch_ahead
        ):
            job = self.jobs[self.next_start]
            self.next_start += 1
            threading.Thread(target=self._run, args=(job,), daemon=True, name="ceasefire-fetch").start()

    def _run(self, job: _Job) -> None:
        slot = self._slot(job.url)
        slot.acquire()
        released = threading.Event()

        def release() -> None:
            if not released.is_set():
                released.set()
                slot.release()

        # A thread stuck where the watchdog cannot reach (a name lookup) gives its slot back anyway.
        timer = threading.Timer(self.options.deadline + GRACE_S, release)
        timer.daemon = True
        job.started = time.monotonic()
        timer.start()
        try:
            job.result = download(job.url, self.options, self.is_archive)
        except Exception as exc:  # a bug in one download must not hang the run
            job.result = Download(job.url, error=f"fetch failed: {type(exc).__name__}: {exc}")
        finally:
            timer.cancel()
            release()
            job.done.set()

    def take(self, url: str) -> Download:
        """The download of the next URL in input order (which must be ``url``)."""
        job = self.jobs[self.next_take]
        assert job.url == url, (job.url, url)
        self.next_take += 1
        self._fill()
        while not job.done.wait(0.1):
            if job.started is not None and time.monotonic() > job.started + self.options.deadline + GRACE_S:
                return Download(url, error=past_deadline(self.options.deadline, 0))
        assert job.result is not None
        return job.result
