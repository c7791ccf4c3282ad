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

Anything unreadable is yielded as an :class:`~ceasefire.models.InputError`
(one line: source and reason) and reading goes on with the next input.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..models import Document, InputError
from .files import read_path, read_stdin, walk_directory
from .options import ReadOptions
from .web import fetch_url, is_url

__all__ = ["ReadOptions", "iter_documents"]


def iter_documents(inputs: Iterable[str], options: ReadOptions | None = None) -> Iterator[Document | InputError]:
    """Stream the documents of ``inputs`` (paths, directories, ``-``, URLs), in order.

    Directories are walked recursively (unless ``options.recursive`` is False)
    in sorted order, filtered by ``options.include``/``exclude`` globs. Nothing
    larger than one document is held in memory.
    """
    options = options or ReadOptions()
    for item in inputs:
        item = str(item)
        if item == "-":
            yield from read_stdin(options)
        elif is_url(item):
            yield from fetch_url(item, options)
        else:
            path = Path(item)
            if path.is_dir():
                found = False
                for file in walk_directory(path, options):
                    found = True
                    yield from read_path(file, options)
                if not found:
                    yield InputError(item, "directory holds no matching files")
            elif path.exists():
                yield from read_path(path, options)
            else:
                yield InputError(item, "no such file or directory")
