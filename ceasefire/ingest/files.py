"""Files, directories and standard input: pick the reader by name, then by content."""

from __future__ import annotations

import errno
import fnmatch
import gzip
import io
import os
import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from ..models import InputError
from .archive import iter_archive, looks_like_archive
from .decode import GZIP_MAGIC
from .options import ReadOptions, too_large
from .single import GunzipProblem, gunzip_bounded, text_document
from .streams import DocStream, Prepended
from .tabular import iter_csv, iter_jsonl

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
TEXT_SUFFIXES = (".txt", ".text")
KINDS_BY_SUFFIX = {
    **{s: "html" for s in HTML_SUFFIXES},
    **{s: "text" for s in TEXT_SUFFIXES},
    ".warc": "archive",
    ".arc": "archive",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
}
STREAMED = frozenset({"archive", "jsonl", "csv", "tsv"})
# Bytes read from a file of unknown kind to see whether it is a web archive.
SNIFF_BYTES = 4096


def kind_of_name(name: str) -> tuple[str | None, bool]:
    """(reader kind from the file name, gzipped?) e.g. ``x.warc.gz`` -> ("archive", True)."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    return KINDS_BY_SUFFIX.get(os.path.splitext(lower)[1]), gz


def is_document_name(name: str) -> bool:
    """Whether a file found in a directory walk is read by default: a known document suffix.

    ``.txt``/``.text``, ``.html``/``.htm``/``.xhtml``/``.shtml``, ``.warc``/``.arc``,
    ``.jsonl``/``.ndjson``, ``.csv``/``.tsv``, each also gzipped (``.gz`` after it).
    """
    return kind_of_name(name)[0] is not None


def documents_from_bytes(
    source: str,
    data: bytes,
    options: ReadOptions,
    *,
    name: str = "",
    html: bool | None = None,
    declared: str | None = None,
    meta: dict[str, Any] | None = None,
) -> DocStream:
    """Documents held in an in-memory input (stdin, a fetched page, a small file)."""
    meta = dict(meta or {})
    kind, _ = kind_of_name(name)
    if data.startswith(GZIP_MAGIC):
        try:
            data = gunzip_bounded(data, options)
        except GunzipProblem as exc:
            yield InputError(source, str(exc))
            return
    if kind == "archive" or looks_like_archive(data[:SNIFF_BYTES]):
        return (yield from iter_archive(source, io.BytesIO(data), options))
    if kind in ("jsonl", "csv", "tsv"):
        stream = io.BytesIO(data)
        if kind == "jsonl":
            return (yield from iter_jsonl(source, stream, options, meta.get("site")))
        return (yield from iter_csv(source, stream, options, meta.get("site"), tsv=kind == "tsv"))
    if html is None and kind is not None:
        html = kind == "html"
    yield text_document(source, data, html=True if html else None, declared=declared, meta=meta)
    return None


def read_path(path: Path, options: ReadOptions, source: str | None = None) -> DocStream:
    """The documents of one file (several for archives and tables)."""
    source = source or str(path)
    try:
        st = path.stat()
    except OSError as exc:
        yield InputError(source, link_problem(path) or exc.strerror or str(exc))
        return
    if not path.is_file():
        yield InputError(source, "not a regular file")
        return
    site = path.resolve().parent.name or None
    kind, gz = kind_of_name(path.name)
    try:
        if kind is None:
            with open(path, "rb") as raw:
                if looks_like_archive(raw.read(SNIFF_BYTES)):
                    kind = "archive"  # a web archive without its extension
        if kind in STREAMED:
            # Containers are streamed record by record; the size limit applies to each record.
            with open(path, "rb") as raw:
                stream: IO[bytes] = raw
                if gz and kind != "archive":  # the archive reader decompresses member by member
                    stream = gzip.GzipFile(fileobj=raw)  # type: ignore[assignment]
                if kind == "archive":
                    return (yield from iter_archive(source, stream, options))
                if kind == "jsonl":
                    return (yield from iter_jsonl(source, stream, options, site))
                return (yield from iter_csv(source, stream, options, site, tsv=kind == "tsv"))
        if st.st_size >= options.max_bytes:
            yield InputError(source, too_large(st.st_size, options))
            return
        with open(path, "rb") as f:
            data = f.read(options.max_bytes)
    except OSError as exc:
        yield InputError(source, exc.strerror or str(exc))
        return
    if gz and not data.startswith(GZIP_MAGIC) and data.strip():
        yield InputError(source, "corrupt gzip (not a gzip file)")
        return None
    return (yield from documents_from_bytes(source, data, options, name=path.name, meta={"site": site}))


@lru_cache(maxsize=256)
def _path_pattern(pattern: str) -> re.Pattern[str]:
    """A glob with '/' matched against the relative path: '*' stays within one folder, '**' crosses."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def _matches(rel: str, name: str, patterns: tuple[str, ...]) -> bool:
    """A pattern without '/' matches the file or folder name, one with '/' the relative path."""
    return any(_path_pattern(p).match(rel) if "/" in p else fnmatch.fnmatch(name, p) for p in patterns)


def link_problem(path: Path | str) -> str | None:
    """Why a symbolic link cannot be followed (a loop, a missing target), None if it can or is none."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop (the link leads back to itself)"
        if os.path.islink(path):
            try:
                target = os.readlink(path)
            except OSError:
                target = "?"
            return f"broken symbolic link (its target {target} does not exist)"
        return None
    return None


def walk_directory(root: Path, options: ReadOptions) -> Iterator[Path | InputError]:
    """Files under ``root`` in sorted order, hidden ones skipped, include/exclude globs applied.

    Without include globs only files with a document suffix are listed
    (:func:`is_document_name`); with them, the globs alone decide. What the
    walk cannot go into is yielded as an InputError naming it and saying why:
    a folder that cannot be listed, a symbolic link that loops or leads back
    to a folder being walked, a link whose target is missing. A folder linked
    twice is walked once (its files are read under the first path).

    Lazy: one directory listing at a time is held in memory.
    """
    seen: set[str] = set()

    def walk(directory: Path, ancestors: tuple[str, ...]) -> Iterator[Path | InputError]:
        real = os.path.realpath(directory)
        if real in ancestors:
            yield InputError(str(directory), f"symbolic link loop (leads back to {real}); not followed")
            return
        if real in seen:  # a folder linked twice: its files are read under the first path
            return
        seen.add(real)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            yield InputError(str(directory), f"cannot read folder: {exc.strerror or exc}")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            rel = os.path.relpath(entry.path, root).replace(os.sep, "/")
            if options.exclude and _matches(rel, entry.name, options.exclude):
                continue
            problem = link_problem(entry.path) if entry.is_symlink() else None
            if problem is not None:
                yield InputError(entry.path, problem)
                continue
            try:
                is_dir = entry.is_dir()
            except OSError as exc:
                yield InputError(entry.path, exc.strerror or str(exc))
                continue
            if is_dir:
                if options.recursive:
                    yield from walk(Path(entry.path), (*ancestors, real))
                continue
            if options.include:
                if not _matches(rel, entry.name, options.include):
                    continue
            elif not is_document_name(entry.name):
                continue
            yield Path(entry.path)

    yield from walk(root, ())


def read_stdin(options: ReadOptions, stream: IO[bytes] | None = None) -> DocStream:
    """Standard input as one document (or an archive / JSON Lines stream, sniffed).

    A web archive is read as a stream, record by record (no size limit on the
    whole); anything else is read whole, up to ``options.max_bytes``.
    """
    source = "<stdin>"
    stream = stream if stream is not None else sys.stdin.buffer
    try:
        head = stream.read(SNIFF_BYTES)
        if looks_like_archive(head):
            return (yield from iter_archive(source, Prepended(head, stream), options))
        data = head + stream.read(max(0, options.max_bytes - len(head)))
    except OSError as exc:
        yield InputError(source, f"read failed: {exc}")
        return
    if len(data) >= options.max_bytes:
        yield InputError(source, too_large(len(data), options))
        return
    name = ""
    head = data.lstrip()[:1]
    if head == b"{" and _first_line_is_object(data):
        name = "stdin.jsonl"
    return (yield from documents_from_bytes(source, data, options, name=name))


def _first_line_is_object(data: bytes) -> bool:
    import json

    line = data.lstrip().split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, UnicodeDecodeError):
        return False
