"""Reader settings, passed explicitly (no module-level configuration)."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass
class ReadOptions:
    """How :func:`ceasefire.ingest.iter_documents` reads its inputs.

    ``text_field``/``title_field``/``date_field``/``url_field`` name the columns
    (CSV/TSV) or keys (JSON Lines) of a tabular input; the last three are optional
    (``None`` disables them). ``include``/``exclude`` are glob patterns matched
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
    title_field: str | None = "title"
    date_field: str | None = "date"
    url_field: str | None = "url"
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    timeout: float = 20.0
    deadline: float = 120.0
    per_host: int = 2
    fetch_ahead: int = 8
    max_download_bytes: int = 2048 * MB
    max_bytes: int = 50 * MB
    recursive: bool = True


def too_large(size: int, options: ReadOptions) -> str:
    """The reason given for an input of ``size`` bytes that is over the limit."""
    return f"file too large ({size / MB:.0f} MB >= {options.max_bytes / MB:.0f} MB limit)"
