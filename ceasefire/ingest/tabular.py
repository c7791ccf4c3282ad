"""JSON Lines and CSV/TSV inputs: one document per row, read as a stream."""

from __future__ import annotations

import codecs
import csv
import io
import json
import sys
import zlib
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from ..models import Document, InputError
from .decode import bom_encoding, detect_encoding, looks_like_html
from .meta import normalise_date, site_of_url
from .options import FIELD_NAMES, ReadOptions, field_option, too_large
from .streams import DocStream, Prepended, truncated_gzip

# How much of a CSV the encoding and delimiter sniffers read before streaming.
CSV_HEAD_BYTES = 64 * 1024
CSV_DELIMITERS = (",", ";", "\t", "|")


@lru_cache(maxsize=1)
def _raise_csv_field_limit() -> None:
    """Let a CSV field be as large as a document may be (news pages exceed csv's 128 KiB default).

    csv.field_size_limit is process-wide; this sets it once, on first use.
    """
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def _pick(names: list[str], key: str, options: ReadOptions) -> tuple[int | None, str | None]:
    """The index in ``names`` of the ``key`` column and an error when an option names a missing one."""
    wanted = field_option(options, key)
    if wanted == "":
        return None, None
    folded = {n.casefold(): i for i, n in reversed(list(enumerate(names)))}
    if wanted is not None:
        i = folded.get(wanted.casefold())
        return (i, None) if i is not None else (None, f"no column '{wanted}' for --{key}-field")
    for cand in FIELD_NAMES[key]:
        if cand in folded:
            return folded[cand], None
    if key == "id" and names and names[0] == "":
        return 0, None  # pandas writes its index as an unnamed first column
    return None, None


def _columns_note(names: list[str], text_col: int, picked: dict[str, int]) -> str:
    """Which columns a table's rows were read from, for the run summary."""

    def label(i: int) -> str:
        return f"'{names[i]}'" if names[i] else f"unnamed column {i + 1}"

    used = [f"text={label(text_col)}"] + [f"{k}={label(i)}" for k, i in picked.items()]
    missing = [k for k in FIELD_NAMES if k not in picked]
    note = "columns used: " + ", ".join(used)
    if missing:
        note += f" (none for {', '.join(missing)})"
    return note


def readable_name(source: str, rowno: int, meta: dict[str, Any]) -> str:
    """A name for an untitled row's article: its outlet and row id, else its file and row number."""
    row_id, outlet = meta.get("row_id"), meta.get("publisher")
    if row_id:
        name = f"{outlet} article {row_id}" if outlet else f"{Path(source).name} #{row_id}"
    else:
        name = (
            f"{outlet} article, {Path(source).name} row {rowno}"
            if outlet
            else f"{Path(source).name} row {rowno}"
        )
    if meta.get("published"):
        name += f", {meta['published']}"
    return name


def _row_document(
    source: str,
    rowno: int,
    text: str,
    fields: dict[str, Any],
    options: ReadOptions,
    default_site: str | None,
    note: str | None = None,
) -> Document | InputError:
    """A Document for one row given its text and its metadata fields (keyed title/date/url/source/id)."""
    where = f"{source}#row{rowno}"
    if not text.strip():
        return InputError(where, f"empty '{options.text_field}' field")
    encoded = text.encode("utf-8", "surrogatepass")
    if len(encoded) >= options.max_bytes:
        return InputError(where, too_large(len(encoded), options))
    own: dict[str, str] = {}
    for key in FIELD_NAMES:
        value = fields.get(key)
        if value is None or isinstance(value, dict | list):
            continue
        value = str(value).strip()
        if value:
            own[key] = value
    row_id = own.pop("id", None)
    # The id hashes the row's own content (text + its metadata fields), never
    # where the row was found nor its row id, so the same row in two files is one document.
    data = encoded + b"\n" + json.dumps(own, sort_keys=True, ensure_ascii=False).encode("utf-8")
    meta: dict[str, Any] = dict(own)
    if "source" in own:
        meta["publisher"] = meta.pop("source")
    if "date" in own:
        published = normalise_date(own["date"])
        if published:
            meta["date"] = meta["published"] = published
    if row_id:
        meta["row_id"] = row_id
    meta["name"] = readable_name(source, rowno, meta)
    if note:
        meta["columns"] = note
    meta["site"] = site_of_url(own.get("url")) or default_site
    return Document(
        source=where,
        data=data,
        media_type="html" if looks_like_html(text) else "text",
        text=text.replace("\r\n", "\n").replace("\r", "\n"),
        meta=meta,
    )


def _readline(stream: IO[bytes], limit: int) -> tuple[bytes, bool]:
    """One line, at most ``limit`` bytes kept; the rest of an over-long line is skipped."""
    line = stream.readline(limit)
    if len(line) < limit or line.endswith(b"\n"):
        return line, False
    while True:  # skip the rest of the over-long line without keeping it
        rest = stream.readline(1024 * 1024)
        if not rest or rest.endswith(b"\n"):
            return b"", True


def iter_jsonl(source: str, stream: IO[bytes], options: ReadOptions, site: str | None) -> DocStream:
    """Each line a JSON object with a text field; source of each is ``<file>#row<line number>``."""
    lineno = 0
    seen_record = False
    note = None
    try:
        while True:
            raw, overlong = _readline(stream, options.max_bytes)
            if not raw and not overlong:
                if lineno == 0:
                    yield InputError(source, "empty file")
                return "JSON Lines file has only blank lines"
            lineno += 1
            where = f"{source}#row{lineno}"
            if overlong:
                yield InputError(where, too_large(options.max_bytes, options))
                continue
            if lineno == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield InputError(where, f"line is not UTF-8 (invalid byte at column {exc.start + 1})")
                continue
            except json.JSONDecodeError as exc:
                yield InputError(where, f"malformed JSON: {exc.msg} at column {exc.colno}")
                continue
            if not isinstance(obj, dict):
                yield InputError(where, f"not a JSON object but a {type(obj).__name__}")
                continue
            text = obj.get(options.text_field)
            if text is None:
                keys = ", ".join(map(str, obj)) or "none"
                if not seen_record:
                    # The first record lacks the field: the field name is wrong for this file.
                    yield InputError(
                        source,
                        f"no '{options.text_field}' field in the first record "
                        f"(line {lineno}; fields: {keys})",
                    )
                    return
                yield InputError(where, f"no '{options.text_field}' field (fields: {keys})")
                continue
            keys = list(map(str, obj))
            picked: dict[str, int] = {}
            for key in FIELD_NAMES:
                i, problem = _pick(keys, key, options)
                if i is not None:
                    picked[key] = i
            if not seen_record:
                note = _columns_note(keys, keys.index(options.text_field), picked).replace(
                    "columns", "fields", 1
                )
            seen_record = True
            if not isinstance(text, str):
                yield InputError(where, f"'{options.text_field}' is a {type(text).__name__}, not a string")
                continue
            fields = {k: obj[keys[i]] for k, i in picked.items()}
            yield _row_document(source, lineno, text, fields, options, site, note)
    except EOFError:
        yield InputError(source, truncated_gzip(f"after row {lineno}"))
    except (OSError, zlib.error) as exc:
        yield InputError(source, f"read failed after row {lineno}: {exc}")


def _csv_encoding(head: bytes) -> str:
    bom = bom_encoding(head)
    if bom == "utf-8":
        return "utf-8-sig"
    if bom is not None:
        return bom.split("-")[0] + "-" + bom.split("-")[1]  # utf-16 / utf-32 (BOM-aware)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    guess = detect_encoding(head)
    return guess.encoding if guess is not None else "cp1252"


def _delimiter(header_line: str, text_field: str, default: str) -> str:
    """The delimiter that makes the header contain the text column, else the most frequent."""
    for d in CSV_DELIMITERS:
        names = [c.strip().strip('"').casefold() for c in header_line.split(d)]
        if text_field.casefold() in names:
            return d
    counts = {d: header_line.count(d) for d in CSV_DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else default


def iter_csv(
    source: str, stream: IO[bytes], options: ReadOptions, site: str | None, *, tsv: bool = False
) -> DocStream:
    """Each data row a document; source ``<file>#row<N>``, N the 1-based data row number."""
    _raise_csv_field_limit()
    rowno = 0
    try:
        head = stream.read(CSV_HEAD_BYTES)
        if not head.strip():
            yield InputError(source, "empty file")
            return
        if b"\x00" in head and bom_encoding(head) is None:
            yield InputError(source, "binary file (contains NUL bytes)")
            return
        encoding = _csv_encoding(head)
        if stream.seekable():
            stream.seek(0)
            body: IO[bytes] = stream
        else:
            body = io.BufferedReader(Prepended(head, stream))
        text_stream = io.TextIOWrapper(body, encoding=encoding, newline="", errors="strict")
        first_line = head.decode(encoding.replace("-sig", ""), "replace").lstrip("\ufeff").split("\n", 1)[0]
        delimiter = "\t" if tsv else _delimiter(first_line, options.text_field, ",")
        reader = csv.reader(text_stream, delimiter=delimiter)
        header = next(reader, None)
        if not header:
            yield InputError(source, "empty file")
            return
        header = [h.strip().lstrip("\ufeff") for h in header]
        lookup = {h: i for i, h in enumerate(header)}
        folded = {h.casefold(): i for i, h in reversed(list(enumerate(header)))}

        def column(name: str | None) -> int | None:
            if name is None:
                return None
            return lookup.get(name, folded.get(name.casefold()))

        text_col = column(options.text_field)
        if text_col is None:
            yield InputError(source, f"no column '{options.text_field}' (columns: {', '.join(header)})")
            return
        picked: dict[str, int] = {}
        for key in FIELD_NAMES:
            i, problem = _pick(header, key, options)
            if problem:
                yield InputError(source, f"{problem} (columns: {', '.join(header)})")
                return
            if i is not None and i != text_col:
                picked[key] = i
        note = _columns_note(header, text_col, picked)
        for row in reader:
            if not row or not any(cell.strip() for cell in row):
                continue
            rowno += 1
            fields = {key: row[i] for key, i in picked.items() if i < len(row)}
            text = row[text_col] if text_col < len(row) else ""
            yield _row_document(source, rowno, text, fields, options, site, note)
        if rowno == 0:
            return f"{'TSV' if tsv else 'CSV'} has a header but no rows"
    except UnicodeDecodeError as exc:
        yield InputError(source, f"mis-encoded text after row {rowno}: not {exc.encoding}")
    except csv.Error as exc:
        yield InputError(source, f"malformed CSV after row {rowno}: {exc}")
    except EOFError:
        yield InputError(source, truncated_gzip(f"after row {rowno}"))
    except (OSError, zlib.error) as exc:
        yield InputError(source, f"read failed after row {rowno}: {exc}")
