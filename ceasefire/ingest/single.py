"""One document from bytes: plain text or HTML, possibly gzipped."""

from __future__ import annotations

import gzip
import io
import zlib
from typing import Any

from ..models import Document, InputError
from .decode import DecodeProblem, binary_kind, decode_text, looks_like_html, looks_like_html_bytes
from .options import ReadOptions, too_large
from .streams import truncated_gzip


class GunzipProblem(ValueError):
    """A gzip stream that cannot be decompressed; ``str(exc)`` is the reason."""


def gunzip_bounded(data: bytes, options: ReadOptions) -> bytes:
    """Decompress gzip bytes, refusing output at or above ``options.max_bytes``."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            out = f.read(options.max_bytes)
            if len(out) >= options.max_bytes:
                raise GunzipProblem(f"{too_large(len(out), options)} once decompressed")
    except EOFError:
        raise GunzipProblem(truncated_gzip()) from None
    except (gzip.BadGzipFile, zlib.error, OSError) as exc:
        raise GunzipProblem(f"corrupt gzip ({exc})") from None
    return out


def text_document(
    source: str,
    data: bytes,
    *,
    html: bool | None = None,
    declared: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Document | InputError:
    """A text or HTML Document from its bytes, or the InputError saying why not.

    ``html``: True/False when the container says (extension, Content-Type), None
    to sniff. ``declared``: a charset from the container (Content-Type).
    """
    if not data.strip():
        return InputError(source, "empty file")
    kind = binary_kind(data)
    if kind is not None:
        return InputError(source, f"binary file ({kind})")
    if html is None:
        html = looks_like_html_bytes(data)
    try:
        decoded = decode_text(data, declared=declared, html=bool(html))
    except DecodeProblem as exc:
        return InputError(source, str(exc))
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return InputError(source, "empty file")
    if html:
        # A file called .html that holds plain text is read as text.
        html = "<" in text and (looks_like_html(text) or "</" in text or "/>" in text)
    else:
        html = looks_like_html(text)  # e.g. UTF-16 HTML the byte sniffer cannot see
    meta = {k: v for k, v in (meta or {}).items() if v is not None}
    meta.setdefault("encoding", decoded.encoding)
    meta.setdefault("encoding_from", decoded.source)
    if decoded.replaced:
        meta["replaced_bytes"] = decoded.replaced
    if decoded.note:
        meta["notes"] = [*meta.get("notes", []), decoded.note]
    return Document(source=source, data=data, media_type="html" if html else "text", text=text, meta=meta)
