"""The analyst's event table: sortable columns, page numbers, the trigger marked in its sentence.

Sorting is the page's own affair (a link like ``?sort=-confidence``); the filters are the
query layer's, so the rows listed, counted and downloaded are the CLI's rows for the same
filter. A sort key names a column; ``-`` in front sorts it descending. Without one, events
are listed as every surface lists them: newest first (:func:`ceasefire.query.order_by`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from ..query import Schema
from .filters import Filters

# Sort key -> SQL over ``events e`` joined with ``articles a`` (fixed text: never user input).
COLUMNS: dict[str, str] = {
    "date": "",  # the schema's sort date (the date stated, else the window's start)
    "type": "e.type",
    "source": "lower(e.source_name)",
    "target": "lower(e.target_name)",
    "place": "lower(e.loc_name)",
    "claimant": "lower(e.claimant_name)",
    "status": "e.status",
    "confidence": "e.confidence",
    "fatalities": "e.fatalities",
    "article": "lower(a.title)",
}
# What the ``sort`` parameter accepts (the route checks it with this pattern: a bad value is a 400).
SORT_PATTERN = "^-?(" + "|".join(COLUMNS) + ")$"
DEFAULT_SORT = "-date"


def order_sql(sort: str, schema: Schema) -> str:
    """`` ORDER BY ...`` for ``sort`` (checked by :data:`SORT_PATTERN`), ties broken as
    the default listing breaks them, so every page of a sorted table is stable."""
    desc = sort.startswith("-")
    key = sort.lstrip("-") or "date"
    direction = "DESC" if desc else "ASC"
    date = schema.sort_date()
    expr = COLUMNS[key] or date
    tail = f"{date} DESC NULLS LAST, e.id DESC"
    if key == "date":
        tail = f"e.id {direction}"
    return f" ORDER BY {expr} {direction} NULLS LAST, {tail}"


def link(path: str, f: Filters, **extra: str | int | None) -> str:
    """``path`` with the filters ``f`` and the ``extra`` parameters that are set."""
    pairs = [*f.items(), *((k, str(v)) for k, v in extra.items() if v not in (None, ""))]
    return path + ("?" + urlencode(pairs) if pairs else "")


@dataclass(frozen=True)
class Header:
    key: str
    label: str
    href: str
    arrow: str  # "▲", "▼" or "" (not the sort column)
    aria: str  # aria-sort: "ascending", "descending" or "none"


def headers(f: Filters, sort: str) -> list[Header]:
    """The table's column headers, each a link sorting by it (again: the other way round)."""
    sort = sort or DEFAULT_SORT
    current, desc = sort.lstrip("-"), sort.startswith("-")
    out = []
    for key in COLUMNS:
        if key == current:
            nxt = key if desc else f"-{key}"
            arrow, aria = ("▼", "descending") if desc else ("▲", "ascending")
        else:
            # dates, confidence and death tolls are read largest first; names from A
            nxt = f"-{key}" if key in ("date", "confidence", "fatalities") else key
            arrow, aria = "", "none"
        out.append(Header(key, key.capitalize(), link("/events", f, sort=nxt), arrow, aria))
    return out


@dataclass(frozen=True)
class PageLink:
    label: str
    href: str | None  # None: the current page, or a gap ("…")
    current: bool = False


def pages(
    f: Filters, sort: str, offset: int, limit: int, total: int, around: int = 2, path: str = "/events"
) -> list[PageLink]:
    """Numbered links (to ``path``) to the first, the last and the pages near the current one."""
    if total <= limit and offset == 0:
        return []
    n_pages = max(1, -(-total // limit))
    here = offset // limit
    keep = sorted({0, n_pages - 1, *range(max(0, here - around), min(n_pages, here + around + 1))})
    out: list[PageLink] = []
    prev = -1
    for p in keep:
        if p - prev > 1:
            out.append(PageLink("…", None))
        if p == here and offset % limit == 0:
            out.append(PageLink(str(p + 1), None, True))
        else:
            out.append(PageLink(str(p + 1), link(path, f, sort=sort, offset=p * limit or None)))
        prev = p
    return out


@dataclass(frozen=True)
class Piece:
    text: str
    trigger: bool = False


def trigger_pieces(sentence: str, trigger: str | None) -> list[Piece]:
    """The sentence cut around its trigger (the first whole-word occurrence, any case), for
    the template to put in ``<mark>``; the whole sentence unmarked when it is not found.
    Text only: the template escapes every piece."""
    if trigger and trigger.strip():
        words = [re.escape(w) for w in trigger.split()]
        m = re.search(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", sentence, re.IGNORECASE)
        if m:
            parts = [Piece(sentence[: m.start()]), Piece(m.group(0), True), Piece(sentence[m.end() :])]
            return [p for p in parts if p.text]
    return [Piece(sentence)]
