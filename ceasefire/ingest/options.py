"""Reader settings, passed explicitly (no module-level configuration)."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024

# The metadata columns a table may carry, and the names each is found under when no
# option names it (compared without case), in order of preference.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "date": ("date", "published", "publication_date"),
    "url": ("url", "link"),
    "source": ("source", "outlet", "publisher"),
    "id": ("id",),
}


@dataclass
class ReadOptions:
    """How :func:`ceasefire.ingest.iter_documents` reads its inputs.

    ``text_field`` names the text column (CSV/TSV) or key (JSON Lines) of a
    tabular input. ``title_field``, ``date_field``, ``url_field``,
    ``source_field`` (the outlet) and ``id_field`` name the metadata columns:
    ``None`` picks the first of the common names present (:data:`FIELD_NAMES`;
    for the id also a CSV's unnamed first column, as pandas writes its index),
    ``""`` reads none. ``include``/``exclude`` are glob patterns matched
    against the file names (and the paths relative to the directory) found when
    walking a directory.

    Which files a directory walk reads: without ``include`` globs, only files
    with a known document suffix -- ``.txt``, ``.text``, ``.html``, ``.htm``,
    ``.xhtml``, ``.shtml``, ``.warc``, ``.arc``, ``.jsonl``, ``.ndjson``, ``.csv``,
    ``.tsv``, and each of these gzipped (``.gz`` appended); notes, READMEs,
    code, images and plain ``.json`` files are skipped. With ``include`` globs,
    the globs alone decide (``include=("*",)`` reads every file). Files named
    explicitly as inputs are always read, whatever their suffix. Hidden files
    and folders (name starting with ``.``) are never walked into.

    ``max_bytes``: a single document at or above this size is refused as too
    large, before it is read into memory (for archives and tables: each record).

    URLs: ``timeout`` bounds each wait on the network (connecting, any one
    read); ``deadline`` the whole download of one URL. At most ``per_host``
    downloads run at once to one host, and up to ``fetch_ahead`` URLs are
    downloaded ahead of the one being read. A web archive fetched from a URL
    may be up to ``max_download_bytes`` (spooled to a temporary file).
    """

    text_field: str = "text"
    title_field: str | None = None
    date_field: str | None = None
    url_field: str | None = None
    source_field: str | None = None
    id_field: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    timeout: float = 20.0
    deadline: float = 120.0
    per_host: int = 2
    fetch_ahead: int = 8
    max_download_bytes: int = 2048 * MB
    max_bytes: int = 50 * MB
    recursive: bool = True


def field_option(options: ReadOptions, key: str) -> str | None:
    """The option that names the ``key`` column ("title", "date", "url", "source", "id")."""
    return getattr(options, f"{key}_field")


def size_text(n: int) -> str:
    """A size for people: "50 MB", "2.5 kB", "300 bytes" (a limit below 1 MB must not read "0 MB")."""
    for unit, scale in (("MB", MB), ("kB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} byte" + ("" if n == 1 else "s")


def too_large(size: int, options: ReadOptions) -> str:
    """The reason given for an input of ``size`` bytes that is over the limit."""
    return f"file too large ({size_text(size)} >= {size_text(options.max_bytes)} limit)"
