"""http(s) URLs: the documents of a download (see :mod:`.fetch` for the download itself)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..models import InputError
from .archive import iter_archive, looks_like_archive, media_of_content_type
from .fetch import Download, download
from .meta import site_of_url
from .options import ReadOptions
from .streams import DocStream

URL_RE = re.compile(r"\Ahttps?://", re.IGNORECASE)
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


def _name(final_url: str, content_type: str) -> str:
    mime = content_type.split(";")[0].strip().lower()
    return _NAMED_TYPES.get(mime, urlsplit(final_url).path.rsplit("/", 1)[-1])


def is_archive(final_url: str, content_type: str, head: bytes) -> bool:
    """Whether a response is a web archive: by its type, its file name, or its first bytes."""
    from .files import kind_of_name

    media, _ = media_of_content_type(content_type)
    return media is None and (
        kind_of_name(_name(final_url, content_type))[0] == "archive" or looks_like_archive(head)
    )


def fetch_url(url: str, options: ReadOptions) -> DocStream:
    """The document(s) at an http(s) URL, downloaded now (see :func:`documents_of`)."""
    return (yield from documents_of(url, download(url, options, is_archive), options))


def documents_of(url: str, dl: Download, options: ReadOptions) -> DocStream:
    """The document(s) of one download; any failure is one InputError.

    A web archive (``application/warc``, a ``.warc``/``.arc`` path, or sniffed,
    gzipped or not) is read record by record; the size limit applies to each
    record, and a download cut by the deadline or the archive size cap yields
    its complete records, then one error. Any other response is one document
    of at most ``options.max_bytes``, or an error if it did not arrive whole.
    """
    from .files import documents_from_bytes

    if dl.error is not None:
        yield InputError(url, dl.error)
        return None
    assert dl.body is not None
    media, charset = media_of_content_type(dl.content_type)
    mime = dl.content_type.split(";")[0].strip().lower()
    name = _name(dl.final_url, dl.content_type)
    try:
        if dl.archive:
            return (yield from _archive(url, dl, options))
        data = dl.body.read()
    finally:
        dl.body.close()
    if media is None and mime not in _SNIFFED_TYPES and mime not in _NAMED_TYPES:
        yield InputError(url, f"unsupported content type {mime}")
        return None
    meta = {"url": dl.final_url, "site": site_of_url(dl.final_url)}
    if dl.final_url != url:
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


def _archive(url: str, dl: Download, options: ReadOptions) -> DocStream:
    """The records of a downloaded archive; when the download was cut, one error saying why."""
    assert dl.body is not None
    stream = iter_archive(url, dl.body, options)
    if dl.cut is None:
        return (yield from stream)
    count = 0
    pending: InputError | None = None  # an error is the cut's only if nothing follows it
    for item in stream:
        if pending is not None:
            yield pending  # a record of its own that failed (too large, mis-encoded): say so
            pending = None
        if isinstance(item, InputError):
            pending = item
            continue
        count += 1
        yield item
    if pending is not None and pending.source != url:
        yield pending
    # An error about the archive itself at its end (truncated, not an archive, empty) is
    # the cut's: the line below says why instead.
    plural = "" if count == 1 else "s"
    yield InputError(url, f"{dl.cut}; {count} complete document{plural} read before it")
    return None
