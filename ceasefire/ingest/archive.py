"""WARC and ARC web archives (plain or gzipped), read record by record with warcio."""

from __future__ import annotations

import zlib
from typing import IO, Any

from ..models import Document, InputError
from .decode import GZIP_MAGIC
from .meta import normalise_date, site_of_url
from .options import ReadOptions, too_large
from .single import text_document
from .streams import DocStream, GunzipMembers, Prepended

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
    meta = {
        "url": uri or None,
        "site": site_of_url(uri),
        "captured": normalise_date(record.rec_headers.get_header("WARC-Date")),
    }
    return text_document(where, data, html=media == "html", declared=charset, meta=meta)


def looks_like_archive(head: bytes) -> bool:
    """Whether the first bytes of an input (plain or gzipped) open a WARC or ARC archive."""
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, 256)
        except zlib.error:
            return False
    return head.lstrip()[:16].startswith((WARC_START, ARC_START))


def iter_archive(source: str, stream: IO[bytes], options: ReadOptions) -> DocStream:
    """Every HTML or text/plain response with status 200 as a Document ``<file>#<uri>``.

    Other records (requests, metadata, redirects, images...) are skipped. A
    truncated or corrupt archive yields every complete record before the cut
    and then one InputError for the file. ``stream`` is read once, front to
    back (a file, a pipe or an HTTP response alike); a gzipped archive is
    decompressed here, member by member.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count = 0
    try:
        head = stream.read(2)
        if not head:
            yield InputError(source, "empty file")
            return
        body: Any = Prepended(head, stream)
        gunzip: GunzipMembers | None = None
        if head == GZIP_MAGIC:
            # Decompress here rather than in warcio: this reads per-record gzip
            # members and whole-file gzip alike, hands warcio everything before a
            # cut, and reports the cut (warcio takes it for the end of the archive).
            body = gunzip = GunzipMembers(body)
        start = body.read(64)
        if not start.lstrip().startswith((WARC_START, ARC_START)):
            yield InputError(source, "not a WARC or ARC archive (no WARC/ or filedesc:// header)")
            return
        body = Prepended(start, body, keep_tail=True)
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
            if doc is not None:
                count += isinstance(doc, Document)
                yield doc
            records.read_to_end(record)
            end_of_last = records.get_record_offset() + records.get_record_length()
        # warcio also drops, without a word, a last record cut inside its headers.
        if body.leftover(end_of_last).strip():
            raise ArchiveCut("the last record is cut short in its headers")
        if gunzip is not None and gunzip.cut:
            raise ArchiveCut("compressed data ends in the middle of a record")
    # AttributeError/TypeError: warcio fails this way on a record whose headers are cut off.
    except (
        ArchiveLoadFailed,
        EOFError,
        ArchiveCut,
        OSError,
        ValueError,
        zlib.error,
        AttributeError,
        TypeError,
    ) as exc:
        if isinstance(exc, AttributeError | TypeError):
            reason = "a record's headers are cut short"
        else:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        plural = "" if count == 1 else "s"
        yield InputError(source, f"truncated or corrupt archive after {count} document{plural}: {reason}")
        return None
    if count == 0:
        return "no HTML or text responses with status 200 in the archive"
    return None


class ArchiveCut(Exception):
    """A compressed archive that ends in the middle of its data."""
