"""http(s) URLs, fetched with urllib (redirects followed, timeout, size limit)."""

from __future__ import annotations

import http.client
import re
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from ..models import InputError
from .archive import iter_archive, looks_like_archive, media_of_content_type
from .meta import site_of_url
from .options import ReadOptions, too_large
from .streams import DocStream, Prepended

URL_RE = re.compile(r"\Ahttps?://", re.IGNORECASE)
USER_AGENT = "ceasefire (news event extraction; +https://github.com/ceasefire)"
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"
# Container types the URL reader passes to the archive/table readers by name.
_NAMED_TYPES = {
    "application/warc": "fetched.warc",
    "application/x-ndjson": "fetched.jsonl",
    "application/jsonl": "fetched.jsonl",
    "application/x-jsonlines": "fetched.jsonl",
    "text/csv": "fetched.csv",
    "text/tab-separated-values": "fetched.tsv",
}
# Types worth sniffing: servers label text and pages with them by mistake.
_SNIFFED_TYPES = frozenset(
    {
        "",
        "application/octet-stream",
        "binary/octet-stream",
        "text/xml",
        "application/xml",
        "application/gzip",
        "application/x-gzip",
    }
)


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


def fetch_url(url: str, options: ReadOptions) -> DocStream:
    """The document(s) at an http(s) URL; any fetch failure is one InputError.

    A web archive (``application/warc``, a ``.warc``/``.arc`` path, or sniffed,
    gzipped or not) is read as a stream, record by record, like an archive file:
    the size limit applies to each record and a cut yields the complete records
    first. Any other response is read whole, up to ``options.max_bytes``.
    """
    from .files import SNIFF_BYTES, documents_from_bytes, kind_of_name

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT})
    try:
        with urllib.request.urlopen(request, timeout=options.timeout) as resp:
            final_url = resp.geturl()
            content_type = resp.headers.get("Content-Type", "")
            media, charset = media_of_content_type(content_type)
            mime = content_type.split(";")[0].strip().lower()
            name = _NAMED_TYPES.get(mime, urlsplit(final_url).path.rsplit("/", 1)[-1])
            head = resp.read(SNIFF_BYTES) if media is None else b""
            if media is None and (kind_of_name(name)[0] == "archive" or looks_like_archive(head)):
                return (yield from iter_archive(url, Prepended(head, resp), options))
            declared_length = resp.headers.get("Content-Length", "")
            if declared_length.isdigit() and int(declared_length) >= options.max_bytes:
                yield InputError(url, too_large(int(declared_length), options))
                return None
            data = head + resp.read(max(0, options.max_bytes - len(head)))
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        yield InputError(url, _reason(exc, url, options.timeout))
        return None
    if len(data) >= options.max_bytes:
        yield InputError(url, too_large(len(data), options))
        return None
    if media is None and mime not in _SNIFFED_TYPES and mime not in _NAMED_TYPES:
        yield InputError(url, f"unsupported content type {mime}")
        return None
    meta = {"url": final_url, "site": site_of_url(final_url)}
    if final_url != url:
        meta["requested_url"] = url
    return (
        yield from documents_from_bytes(
            url,
            data,
            options,
            name=name if media is None else "",
            html=True if media == "html" else None,
            declared=charset,
            meta=meta,
        )
    )
