"""WARC and ARC web archives (plain or gzipped), read record by record with warcio."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from typing import IO, Any

from ..models import Document, InputError
from .decode import GZIP_MAGIC
from .meta import normalise_date, site_of_url
from .options import ReadOptions, too_large
from .single import text_document

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xml+xhtml"})
TEXT_TYPES = frozenset({"text/plain"})
WARC_START = b"WARC/"
ARC_START = b"filedesc://"


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


def _document(source: str, record: Any, options: ReadOptions) -> Document | InputError | None:
    """The Document of an HTML/text 200 response record, None for any other record."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    media, charset = media_of_content_type(record.http_headers.get_header("Content-Type"))
    if media is None:
        return None
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<>")
    where = f"{source}#{uri}"
    data = record.content_stream().read(options.max_bytes)
    if len(data) >= options.max_bytes:
        return InputError(where, too_large(len(data), options))
    meta = {"url": uri or None, "site": site_of_url(uri),
            "captured": normalise_date(record.rec_headers.get_header("WARC-Date"))}
    return text_document(where, data, html=media == "html", declared=charset, meta=meta)


def iter_archive(source: str, stream: IO[bytes], options: ReadOptions) -> Iterator[Document | InputError]:
    """Every HTML or text/plain response with status 200 as a Document ``<file>#<uri>``.

    Other records (requests, metadata, redirects, images...) are skipped. A
    truncated or corrupt archive yields the documents read so far and then one
    InputError for the file.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count = 0
    try:
        head = stream.read(2)
        if not head:
            yield InputError(source, "empty file")
            return
        body: Any = _Chain(head, stream)
        if head == GZIP_MAGIC:
            # Decompress here rather than in warcio: this reads per-record gzip
            # members and whole-file gzip alike, and reports a cut (warcio would
            # take the EOFError for the normal end of the archive).
            body = _CutReported(gzip.GzipFile(fileobj=body))
        start = body.read(64)
        if not start.lstrip().startswith((WARC_START, ARC_START)):
            yield InputError(source, "not a WARC or ARC archive (no WARC/ or filedesc:// header)")
            return
        body = _Chain(start, body)
        records = ArchiveIterator(body, arc2warc=True)
        end_of_last = 0
        for record in records:
            doc = _document(source, record, options)
            # Reading the rest of the record's block shows whether it is complete:
            # warcio stops quietly at the end of a cut file.
            while record.raw_stream.read(1024 * 1024):
                pass
            if getattr(record.raw_stream, "limit", 0) > 0:
                uri = record.rec_headers.get_header("WARC-Target-URI") or record.rec_type
                raise ArchiveCut(f"record {uri} is cut short")
            records.read_to_end(record)
            end_of_last = records.get_record_offset() + records.get_record_length()
            if doc is not None:
                count += isinstance(doc, Document)
                yield doc
        # warcio also drops, without a word, a last record cut inside its headers.
        if body.leftover(end_of_last).strip():
            raise ArchiveCut("the last record is cut short in its headers")
    # AttributeError/TypeError: warcio fails this way on a record whose headers are cut off.
    except (ArchiveLoadFailed, EOFError, ArchiveCut, OSError, ValueError, zlib.error, AttributeError, TypeError) as exc:
        if isinstance(exc, AttributeError | TypeError):
            reason = "a record's headers are cut short"
        else:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        plural = "" if count == 1 else "s"
        yield InputError(source, f"truncated or corrupt archive after {count} document{plural}: {reason}")


class ArchiveCut(Exception):
    """A compressed archive that ends in the middle of its data."""


class _CutReported:
    """Re-raise a decompressor's EOFError (stream cut short) as :class:`ArchiveCut`."""

    def __init__(self, stream: Any):
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        try:
            return self._stream.read(size)
        except EOFError:
            raise ArchiveCut("compressed data ends in the middle of a record") from None

    def tell(self) -> int:
        return 0


class _Chain:
    """``head`` (already read to sniff the format) followed by the rest of ``stream``.

    Keeps the last bytes it delivered so that what follows the last complete
    record can be inspected once warcio is done.
    """

    TAIL = 64 * 1024

    def __init__(self, head: bytes, stream: Any):
        self._head = head
        self._stream = stream
        self._offset = 0
        self._tail = b""

    def leftover(self, end: int) -> bytes:
        """The bytes delivered after offset ``end`` (as far as the kept tail reaches)."""
        extra = self._offset - end
        return self._tail[-extra:] if extra > 0 else b""

    def read(self, size: int = -1) -> bytes:
        if self._head:
            if size is None or size < 0:
                data, self._head = self._head + self._stream.read(), b""
            else:
                data, self._head = self._head[:size], self._head[size:]
                if len(data) < size:
                    data += self._stream.read(size - len(data))
        else:
            data = self._stream.read(size)
        self._offset += len(data)
        self._tail = (self._tail + data)[-self.TAIL:]
        return data

    def tell(self) -> int:
        return self._offset
