"""Former names of places, valid only within their period.

GeoNames keeps a place's former names among its alternate names, so "Salisbury"
reads as Harare (1.5 million people, a capital) ahead of Salisbury in Wiltshire,
and the 2018 nerve-agent attack landed in Zimbabwe. ``data/historical_names.tsv``
lists former names with the years they were in use; :class:`FormerNames` tells
the ranker which readings of a name are former names out of their period on an
article's date, and the ranker drops those when a place has that name today
(Salisbury, Wiltshire); "Leningrad", which no place is called now, still leads to
Saint Petersburg.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .normalize import name_key


@dataclass(frozen=True)
class FormerName:
    modern: str  # name key of today's gazetteer name
    iso3: str
    first: int | None
    last: int | None

    def valid_in(self, year: int) -> bool:
        return (self.first is None or self.first <= year) and (self.last is None or year <= self.last)


class FormerNames:
    """Former name (by name key) -> the places it named and when."""

    def __init__(self, rows: list[dict[str, str]], path: Path | None = None):
        self.by_key: dict[str, list[FormerName]] = {}
        for n, row in enumerate(rows, 1):
            try:
                first = int(row["from"]) if row["from"].strip() else None
                last = int(row["to"]) if row["to"].strip() else None
            except (KeyError, ValueError, AttributeError) as exc:
                where = f"{path}: " if path else ""
                raise ValueError(f"{where}row {n}: years must be integers or blank ({row})") from exc
            rec = FormerName(name_key(row["modern"]), row["iso3"], first, last)
            self.by_key.setdefault(name_key(row["former"]), []).append(rec)

    def out_of_period(self, name: str, entry_name: str, country: str | None, year: int) -> bool:
        """Whether ``name`` is a former name of the entry (by its name and country) that was not
        its name in ``year``. A name that named the place in several periods counts if any covers it."""
        recs = [
            r
            for r in self.by_key.get(name_key(name), ())
            if r.modern == name_key(entry_name) and r.iso3 == country
        ]
        return bool(recs) and not any(r.valid_in(year) for r in recs)


def article_year(published: dt.date | str | None) -> int:
    """The year a former name is judged in: the article's, else the present one (an undated
    text is read as today's news)."""
    if isinstance(published, dt.date):
        return published.year
    if isinstance(published, str) and published[:4].isdigit():
        return int(published[:4])
    return dt.date.today().year
