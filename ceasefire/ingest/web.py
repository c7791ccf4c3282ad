"""http(s) URLs, fetched with urllib (redirects followed, timeout, size limit)."""

from __future__ import annotations

import http.client
import re
import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import urlsplit

from ..models import Document, InputError
from .archive import media_of_content_type
from .meta import site_of_url
from .options import ReadOptions, too_large

URL_RE = re.compile(r"\Ahttps?://", re.IGNORECASE)
USER_AGENT = "ceasefire (news event extraction; +https://github.com/ceasefire)"
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"
# Container types the URL reader passes to the archive/table readers by name.
_NAMED_TYPES = {
    "application/warc": "fetched.warc",
    "application/x-ndjson": "fetched.jsonl", "application/jsonl": "fetched.jsonl",
    "application/x-jsonlines": "fetched.jsonl",
    "text/csv": "fetched.csv", "text/tab-separated-values": "fetched.tsv",
}
# Types worth sniffing: servers label text and pages with them by mistake.
_SNIFFED_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream", "text/xml",
                            "application/xml", "application/gzip", "application/x-gzip"})


def is_url(value: str) -> bool:
    return bool(URL_RE.match(value))


def _reason(exc: BaseException, url: str, timeout: float) -> str:
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


def fetch_url(url: str, options: ReadOptions) -> Iterator[Document | InputError]:
    """The document(s) at an http(s) URL; any fetch failure is one InputError."""
    from .files import documents_from_bytes

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT})
    try:
        with urllib.request.urlopen(request, timeout=options.timeout) as resp:
            final_url = resp.geturl()
            content_type = resp.headers.get("Content-Type", "")
            declared_length = resp.headers.get("Content-Length", "")
            if declared_length.isdigit() and int(declared_length) >= options.max_bytes:
                yield InputError(url, too_large(int(declared_length), options))
                return
            data = resp.read(options.max_bytes)
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        yield InputError(url, _reason(exc, url, options.timeout))
        return
    if len(data) >= options.max_bytes:
        yield InputError(url, too_large(len(data), options))
        return
    media, charset = media_of_content_type(content_type)
    mime = content_type.split(";")[0].strip().lower()
    name = _NAMED_TYPES.get(mime, urlsplit(final_url).path.rsplit("/", 1)[-1])
    if media is None and mime not in _SNIFFED_TYPES and mime not in _NAMED_TYPES:
        yield InputError(url, f"unsupported content type {mime}")
        return
    meta = {"url": final_url, "site": site_of_url(final_url)}
    if final_url != url:
        meta["requested_url"] = url
    yield from documents_from_bytes(url, data, options, name=name if media is None else "",
                                    html=True if media == "html" else None,
                                    declared=charset, meta=meta)
