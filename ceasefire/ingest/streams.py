"""Byte-stream helpers shared by the readers: a sniffed head put back, gzip member by member."""

from __future__ import annotations

import io
import zlib
from collections.abc import Generator
from typing import IO, Any

from ..models import Document, InputError
from .decode import GZIP_MAGIC

# What a reader yields; its return value says why it found nothing, when it did
# not (read by :func:`ceasefire.ingest.iter_documents`).
DocStream = Generator[Document | InputError, None, str | None]

TRUNCATED_GZIP = "truncated gzip (compressed data ends early)"
# Compressed bytes read, and decompressed bytes produced, per step: bounds the
# memory a gzip bomb can take to one step's output.
GUNZIP_STEP = 64 * 1024


def truncated_gzip(after: str = "") -> str:
    """The reason shown for a gzip stream cut short (``EOFError`` from the decompressor)."""
    return f"{TRUNCATED_GZIP} {after}".strip()


class Prepended(io.RawIOBase):
    """A stream with its already-read ``head`` (read to sniff the format) put back in front.

    ``tell()`` counts the bytes delivered; with ``keep_tail`` the last bytes
    delivered are kept so that :meth:`leftover` can show what followed a position.
    """

    TAIL = 64 * 1024

    def __init__(self, head: bytes, rest: IO[bytes] | Any, *, keep_tail: bool = False):
        super().__init__()
        self._head = head
        self._rest = rest
        self._offset = 0
        self._keep_tail = keep_tail
        self._tail = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def read(self, size: int | None = -1) -> bytes:
        if self._head:
            if size is None or size < 0:
                data, self._head = self._head + self._rest.read(), b""
            else:
                data, self._head = self._head[:size], self._head[size:]
                if len(data) < size:
                    data += self._rest.read(size - len(data))
        else:
            data = self._rest.read(-1 if size is None else size)
        self._offset += len(data)
        if self._keep_tail:
            self._tail = (self._tail + data)[-self.TAIL :]
        return data

    def tell(self) -> int:
        return self._offset

    def leftover(self, end: int) -> bytes:
        """The bytes delivered after offset ``end`` (as far as the kept tail reaches)."""
        extra = self._offset - end
        return self._tail[-extra:] if extra > 0 else b""


class GunzipMembers(io.RawIOBase):
    """Decompress a gzip stream member by member; a cut shows as a clean end plus :attr:`cut`.

    Web archives gzip each record as its own member. Everything decompressed
    before a cut is delivered (so every complete record reaches the archive
    reader), then the stream ends and ``cut`` is True. Zero padding between or
    after members is skipped; other bytes there are a corrupt file (``zlib.error``).
    """

    def __init__(self, raw: IO[bytes] | Any):
        super().__init__()
        self._raw = raw
        self._member: Any = None  # the decompressor of the member being read
        self._input = b""
        self._output = b""
        self._done = False
        self.cut = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            parts = []
            while chunk := self.read(GUNZIP_STEP):
                parts.append(chunk)
            return b"".join(parts)
        while len(self._output) < size and not self._done:
            self._step()
        data, self._output = self._output[:size], self._output[size:]
        return data

    def _step(self) -> None:
        if not self._input:
            self._input = self._raw.read(GUNZIP_STEP)
            if not self._input:
                self._done = True
                self.cut = self._member is not None
                return
        if self._member is None:
            self._input = self._input.lstrip(b"\x00")
            if not self._input:
                return
            if not GZIP_MAGIC.startswith(self._input[:2]):
                raise zlib.error("data after the last gzip member is not gzip")
            self._member = zlib.decompressobj(zlib.MAX_WBITS | 16)
        self._output += self._member.decompress(self._input, GUNZIP_STEP)
        if self._member.eof:
            self._input = self._member.unused_data
            self._member = None
        else:
            self._input = self._member.unconsumed_tail
