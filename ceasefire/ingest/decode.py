"""Bytes to text: binary sniffing, HTML sniffing, encoding detection.

Every function here is pure: bytes in, a decision or text out. A failure is a
:class:`DecodeProblem` whose message is the one-line reason shown to the user.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# File signatures of common non-text formats that end up in scraped folders.
# A file starting with one of these is "binary" even if it happens to decode.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "zip archive"),
    (b"PK\x05\x06", "zip archive"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"RIFF", "RIFF media file"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
    (b"\x7fELF", "executable"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"BZh", "bzip2 archive"),
    (b"Rar!\x1a\x07", "rar archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)
GZIP_MAGIC = b"\x1f\x8b"

# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# How much of the head of a file the sniffers look at. 8 KiB holds the <head> of
# nearly every HTML page and is what `file(1)`-style sniffers conventionally read.
SNIFF_BYTES = 8192

# Control bytes other than \t \n \f \r (and ESC, seen in terminal logs). Real
# text in any 8-bit or UTF-8 encoding never contains them; more than 1 in 100
# bytes of the head means the file is binary. Calibrated on the seed pages and
# the FakeNewsCorpus CSV (0 control bytes) vs random bytes (~10 %).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
MAX_CONTROL_RATIO = 0.01

# WHATWG encoding labels that browsers remap: a page labelled latin-1/ascii is
# decoded as windows-1252 (its superset), which is what its authors meant.
_HTML_LABEL_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "l1": "cp1252",
}

_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(
    r"""\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b""",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(r"<(?:p|div|br|a\s|span|article|h[1-6]|script|table)\b", re.IGNORECASE)
# A text with at least this many common HTML tags in its head is HTML even
# without a <html> start (fragments saved by scrapers). Plain news text quoting
# a tag or two stays below it.
MIN_HTML_TAGS = 5


class DecodeProblem(ValueError):
    """Bytes that cannot be turned into text; ``str(exc)`` is the reason."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding used and how it was chosen.

    ``source``: ``"bom"``, ``"declared"`` (Content-Type or <meta> charset),
    ``"utf-8"`` (valid or nearly valid UTF-8) or ``"detected"`` (a legacy code
    page recognised with confidence). ``replaced``: bytes that could not be
    decoded and became U+FFFD. ``note``: one line for the user when the choice
    was not plain (a detected code page, replaced bytes), else None.
    """

    text: str
    encoding: str
    source: str = "utf-8"
    replaced: int = 0
    note: str | None = None


def binary_kind(data: bytes) -> str | None:
    """Why ``data`` is binary (a short description), or None if it looks like text."""
    for magic, kind in BINARY_SIGNATURES:
        if data.startswith(magic):
            return kind
    head = data[:SNIFF_BYTES]
    if bom_encoding(head) is not None:
        return None  # UTF-16/32 text legitimately contains NULs
    if b"\x00" in head:
        return "contains NUL bytes"
    if head:
        controls = sum(head.count(bytes([c])) for c in _CONTROL)
        if controls / len(head) > MAX_CONTROL_RATIO:
            return "contains control bytes"
    return None


def bom_encoding(data: bytes) -> str | None:
    for bom, name in BOMS:
        if data.startswith(bom):
            return name
    return None


def meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag of its head, if Python knows it."""
    m = _META_CHARSET.search(data[:SNIFF_BYTES])
    if not m:
        return None
    label = m.group(1).decode("ascii", "replace").strip().lower()
    label = _HTML_LABEL_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def looks_like_html(text: str) -> bool:
    """True when a decoded text is an HTML page or fragment rather than plain text."""
    head = text[:SNIFF_BYTES]
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAGS.findall(head)) >= MIN_HTML_TAGS


def looks_like_html_bytes(data: bytes) -> bool:
    head = data[:SNIFF_BYTES]
    enc = bom_encoding(head)
    text = head.decode(enc or "latin-1", "replace")
    return looks_like_html(text.lstrip("\ufeff"))


def _first_bad_byte(exc: UnicodeDecodeError) -> str:
    return f"invalid {exc.encoding} byte 0x{exc.object[exc.start]:02x} at offset {exc.start}"


def decode_text(data: bytes, *, declared: str | None = None, html: bool = False) -> Decoded:
    """Decode bytes of a text or HTML document; never guess silently.

    Order: a byte-order mark (strict: a BOM followed by invalid bytes is an
    error); the declared charset (Content-Type header or, for HTML, the <meta>
    charset; decoded leniently as browsers do, replaced bytes counted); strict
    UTF-8; UTF-8 with a few invalid bytes (see :func:`utf8_damage`: they become
    U+FFFD and the note says how many); cp1252 when the bytes read as Western
    text; a code page charset-normalizer recognises with confidence; else a
    DecodeProblem. Whenever the result is not plain valid UTF-8 or declared,
    ``note`` says what was done.
    """
    bom = bom_encoding(data)
    if bom is not None:
        try:
            return Decoded(codecs.decode(data, _bom_codec(bom)), bom, "bom")
        except UnicodeDecodeError as exc:
            raise DecodeProblem(
                f"mis-encoded text: starts with a {bom} byte-order mark but has {_first_bad_byte(exc)}"
            ) from None
    if declared is None and html:
        declared = meta_charset(data)
    if declared:
        try:
            name = codecs.lookup(_HTML_LABEL_ALIASES.get(declared.lower(), declared)).name
        except LookupError:
            name = None
        if name:
            try:
                return Decoded(data.decode(name), name, "declared")
            except UnicodeDecodeError:
                if name != "utf-8":
                    text = data.decode(name, "surrogateescape")
                    bad = sum(1 for c in text if "\udc80" <= c <= "\udcff")
                    return Decoded(
                        data.decode(name, "replace"),
                        name,
                        "declared",
                        bad,
                        f"{bad} bytes invalid in the declared {name} replaced by U+FFFD",
                    )
                # declared UTF-8 but is not: fall through to detection
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    good, bad = utf8_damage(data)
    if good and bad <= MAX_BAD_PER_GOOD * good:
        return _utf8_replaced(data, bad, utf8_error)
    western = _western(data)
    if western is not None:
        return western
    if bad <= max(MIN_STRAY_BYTES, len(data) * MAX_STRAY_SHARE):
        return _utf8_replaced(data, bad, utf8_error)  # near-ASCII text with a few stray bytes
    guess = detect_encoding(data)
    if guess is None:
        raise DecodeProblem(
            f"mis-encoded text: not UTF-8 ({_first_bad_byte(utf8_error)}) and no other encoding fits "
            "with confidence"
        )
    return guess


# UTF-8 with some invalid bytes stays UTF-8 when its valid multi-byte sequences
# are at least as many as its invalid bytes. Legacy 8-bit text read as UTF-8
# has next to no valid multi-byte sequences (an accented letter is a lead byte
# followed by ASCII); UTF-8 damaged by a few stray bytes has many; random high
# bytes have about one valid sequence per four invalid bytes.
MAX_BAD_PER_GOOD = 1
# Text with no valid multi-byte sequence whose invalid bytes are this few (or
# this small a share) is near-ASCII with stray bytes: no code page can be
# told from so little, so it is read as UTF-8 with the bytes replaced.
MIN_STRAY_BYTES = 8
MAX_STRAY_SHARE = 0.001


def utf8_damage(data: bytes) -> tuple[int, int]:
    """(valid multi-byte UTF-8 sequences, invalid bytes) of ``data`` read as UTF-8."""
    text = data.decode("utf-8", "surrogateescape")  # each invalid byte -> one U+DC80..U+DCFF
    bad = sum(1 for c in text if "\udc80" <= c <= "\udcff")
    good = sum(1 for c in text if c > "\x7f") - bad
    return good, bad


def _utf8_replaced(data: bytes, bad: int, first: UnicodeDecodeError) -> Decoded:
    plural = "" if bad == 1 else "s"
    return Decoded(
        data.decode("utf-8", "replace"),
        "utf-8",
        "utf-8",
        bad,
        f"{bad} invalid UTF-8 byte{plural} replaced by U+FFFD (first: {_first_bad_byte(first)})",
    )


def _bom_codec(bom: str) -> str:
    # The *-sig / BOM-less codec names strip the mark themselves.
    return {
        "utf-8": "utf-8-sig",
        "utf-16-le": "utf-16",
        "utf-16-be": "utf-16",
        "utf-32-le": "utf-32",
        "utf-32-be": "utf-32",
    }[bom]


# Share of non-ASCII letters among the letters of a text decoded as cp1252
# above which the bytes are not Western-European text. French, German, Spanish
# and Portuguese news run 1-6 %; Cyrillic or Greek bytes read as cp1252 are
# 90 %+ accented Latin letters. charset-normalizer alone guesses cp1250 or even
# big5 for short French/German texts, hence this check first.
MAX_NON_ASCII_LETTERS = 0.3


def _western(data: bytes) -> Decoded | None:
    """The bytes as cp1252 (a superset of latin-1 for text) if they read as Western text."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    note = "not UTF-8; read as cp1252 (Western European)"
    if not letters:
        return Decoded(text, "cp1252", "detected", note=note)
    non_ascii = sum(not c.isascii() for c in letters)
    if non_ascii / len(letters) > MAX_NON_ASCII_LETTERS:
        return None
    return Decoded(text, "cp1252", "detected", note=note)


# A code page guessed by charset-normalizer is taken only when the text it gives
# reads as a language (coherence) with next to no odd characters (chaos) and its
# non-ASCII letters are of one script. Measured on hand-written texts in cp1251,
# koi8-r, cp1253, cp1254 and cp1256: chaos <= 0.03, coherence >= 0.39.
MAX_GUESS_CHAOS = 0.05
MIN_GUESS_COHERENCE = 0.3
MIN_ONE_SCRIPT = 0.9


def _script(c: str) -> str:
    import unicodedata

    return unicodedata.name(c, "?").split(" ", 1)[0]


def detect_encoding(data: bytes) -> Decoded | None:
    """Bytes that are not UTF-8 decoded by an encoding recognised with confidence, None if none is."""
    from collections import Counter

    from charset_normalizer import from_bytes

    western = _western(data)
    if western is not None:
        return western

    best = from_bytes(data[: 4 * 1024 * 1024]).best()
    if best is None or best.chaos > MAX_GUESS_CHAOS or best.coherence < MIN_GUESS_COHERENCE:
        return None
    enc = best.encoding
    text = data.decode(enc, "replace")
    scripts = Counter(_script(c) for c in text if c.isalpha() and not c.isascii())
    if scripts and scripts.most_common(1)[0][1] < MIN_ONE_SCRIPT * sum(scripts.values()):
        return None
    language = f", {best.language}" if best.language and best.language != "Unknown" else ""
    return Decoded(text, enc, "detected", note=f"not UTF-8; read as {enc} (detected{language})")
