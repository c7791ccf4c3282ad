"""WARC and ARC web archives (plain or gzipped), read record by record with warcio."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO

from ..models import Document, InputError
from .meta import normalise_date, site_of_url
from .options import ReadOptions, too_large
from .single import text_document

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xml+xhtml"})
TEXT_TYPES = frozenset({"text/plain"})


def media_of_content_type(content_type: str | None) -> tuple[str | None, str | None]:
    """(``"html"``/``"text"``/None, charset) of an HTTP Content-Type header value."""
    if not content_type:
        return None, None
    parts = [p.strip() for p in content_type.split(";")]
    mime = parts[0].lower()
    charset = None
    for p in parts[1:]:
        key, _, value = p.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    if mime in HTML_TYPES:
        return "html", charset
    if mime in TEXT_TYPES:
        return "text", charset
    return None, charset


def iter_archive(source: str, stream: IO[bytes], options: ReadOptions) -> Iterator[Document | InputError]:
    """Every HTML or text/plain response with status 200 as a Document ``<file>#<uri>``.

    Other records (requests, metadata, redirects, images...) are skipped. A
    truncated or corrupt archive yields the documents read so far and then one
    InputError for the file.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count = 0
    watch = _GzipWatch(stream)
    try:
        records = ArchiveIterator(watch, arc2warc=True)
        for record in records:
            if record.rec_type != "response" or record.http_headers is None:
                continue
            if record.http_headers.get_statuscode() != "200":
                continue
            media, charset = media_of_content_type(record.http_headers.get_header("Content-Type"))
            if media is None:
                continue
            uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<>")
            where = f"{source}#{uri}"
            data = record.content_stream().read(options.max_bytes)
            if len(data) < options.max_bytes and getattr(record.raw_stream, "limit", 0) > 0:
                # warcio stops quietly at the end of a cut file: the record's
                # block is shorter than its Content-Length says.
                raise EOFError(f"record {uri} is cut short")
            if len(data) >= options.max_bytes:
                yield InputError(where, too_large(len(data), options))
                continue
            meta = {"url": uri or None, "site": site_of_url(uri),
                    "captured": normalise_date(record.rec_headers.get_header("WARC-Date"))}
            doc = text_document(where, data, html=media == "html", declared=charset, meta=meta)
            count += isinstance(doc, Document)
            yield doc
        watch.drain()
        if watch.tell() == 0:
            yield InputError(source, "empty file")
            return
        if watch.truncated:
            raise EOFError("gzip stream ends in the middle of a record")
    # AttributeError/TypeError: warcio fails this way on a record whose headers are cut off.
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error, AttributeError, TypeError) as exc:
        if isinstance(exc, AttributeError | TypeError):
            reason = "a record's headers are cut short"
        else:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        yield InputError(source, f"truncated or corrupt archive after {count} document{'' if count == 1 else 's'}: {reason}")


class _GzipWatch:
    """Passes a stream through to warcio and checks on the side that its gzip members end.

    warcio stops quietly when a gzipped archive is cut in the middle of a member;
    this decompresses the same bytes independently (members one after another) so
    the cut is reported. Plain (not gzipped) streams pass through unchecked.
    """

    def __init__(self, stream: IO[bytes]):
        self._stream = stream
        self._offset = 0
        self._gzip: bool | None = None
        self._decomp: zlib._Decompress | None = None
        self._member_open = False

    def tell(self) -> int:
        return self._offset

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self._offset += len(data)
        if self._gzip is None and data:
            self._gzip = data[:2] == b"\x1f\x8b"
        if self._gzip and data:
            self._feed(data)
        return data

    def _feed(self, data: bytes) -> None:
        while data:
            if self._decomp is None:
                self._decomp = zlib.decompressobj(wbits=31)
            try:
                self._decomp.decompress(data)
            except zlib.error:
                self._gzip = False  # corrupt: warcio reports it; stop checking
                return
            self._member_open = not self._decomp.eof
            if self._decomp.eof:
                data = self._decomp.unused_data
                self._decomp = None
            else:
                data = b""

    def drain(self) -> None:
        """Read what warcio left unread (trailing bytes), so a cut at the very end is seen."""
        while self.read(1024 * 1024):
            pass

    @property
    def truncated(self) -> bool:
        return bool(self._gzip) and self._member_open
