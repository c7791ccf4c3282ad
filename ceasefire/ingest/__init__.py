"""Ingest: turn paths, URLs and stdin into :class:`~ceasefire.models.Document` records.

Public surface: :class:`ReadOptions`, :func:`iter_documents`.

Readers (chosen by file name, then by content):

- plain text (``.txt`` or anything text-like): UTF-8, UTF-8/16/32 with BOM,
  cp1252/latin-1 and others detected with charset-normalizer;
- HTML (``.html``/``.htm``/``.xhtml`` or sniffed), decoded per its <meta> charset;
- gzip (``.gz`` or gzip magic), decompressed transparently;
- WARC/ARC (``.warc[.gz]``, ``.arc[.gz]``): each HTML/text 200 response;
- JSON Lines (``.jsonl``/``.ndjson``) and CSV/TSV: each row with a text field;
- ``-`` for standard input, ``http(s)://`` URLs.

Web archives are streamed (from a file, standard input or a URL alike) and
gzipped ones decompressed member by member, so a cut archive yields every
complete record before the cut. A directory walk reads only files with the
suffixes above unless include globs are given (see :class:`ReadOptions`).
An input that holds no document yields ``InputError(source, "no documents
found (<why>)")``, so that every input shows up in the output.

Anything unreadable is yielded as an :class:`~ceasefire.models.InputError`
(one line: source and reason) and reading goes on with the next input.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..models import Document, InputError
from .fetch import Fetcher
from .files import link_problem, read_path, read_stdin, walk_directory
from .options import ReadOptions
from .streams import DocStream
from .web import documents_of, is_archive, is_url

__all__ = ["ReadOptions", "iter_documents"]


def iter_documents(
    inputs: Iterable[str], options: ReadOptions | None = None
) -> Iterator[Document | InputError]:
    """Stream the documents of ``inputs`` (paths, directories, ``-``, URLs), in order.

    Directories are walked recursively (unless ``options.recursive`` is False)
    in sorted order, reading the files with a document suffix or, when given,
    those matching ``options.include`` (see :class:`ReadOptions`), minus
    ``options.exclude``. Nothing larger than one document is held in memory.

    Every input gives at least one item: an input (or a file of a directory)
    that holds no document and raised no error yields
    ``InputError(source, "no documents found (<why>)")``.
    """
    options = options or ReadOptions()
    inputs = [str(i) for i in inputs]
    # URLs are downloaded in the background, a few ahead, while earlier inputs are read.
    urls = [i for i in inputs if is_url(i)]
    fetcher = Fetcher(urls, options, is_archive) if urls else None
    for item in inputs:
        if item == "-":
            yield from _reported("<stdin>", read_stdin(options))
        elif fetcher is not None and is_url(item):
            yield from _reported(item, documents_of(item, fetcher.take(item), options))
        else:
            path = Path(item)
            if path.is_dir():
                found = False
                for file in walk_directory(path, options):
                    found = True
                    if isinstance(file, InputError):
                        yield file
                    else:
                        yield from _reported(str(file), read_path(file, options))
                if not found:
                    why = (
                        "no files matching the include patterns"
                        if options.include
                        else "no files with a document suffix (.txt, .html, .warc, .jsonl, .csv...)"
                        + (" outside the exclude patterns" if options.exclude else "")
                    )
                    yield InputError(item, f"no documents found ({why})")
            elif path.exists():
                yield from _reported(item, read_path(path, options))
            else:
                yield InputError(item, link_problem(path) or "no such file or directory")


def _reported(source: str, stream: DocStream) -> Iterator[Document | InputError]:
    """``stream``'s items; when it has none, one InputError with the reader's reason."""
    produced = False
    try:
        while True:
            try:
                item = next(stream)
            except StopIteration as stop:
                why = stop.value or "nothing readable in the input"
                break
            produced = True
            yield item
    finally:
        stream.close()  # a caller that stops early closes the reader's file or connection now
    if not produced:
        yield InputError(source, f"no documents found ({why})")
