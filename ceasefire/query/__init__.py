"""One query layer: every filter of every surface answered by the same code.

The CLI (``ceasefire events``, ``quotes``, ``actors``, ``export``,
``report``), the web pages, the JSON API and the report all describe what
they want as an :class:`EventQuery` and get their SQL conditions from
:func:`compile_events`, over the store's own tables; so ``actor=Assad`` or
``place=Ghouta`` finds the same events wherever it is typed.

- :mod:`.spec`: the query and its value checks (dates, types, confidence);
- :mod:`.names`: what a typed name stands for in one store (actors by id,
  name or any alias; places by name, variant, region or country; outlets);
- :mod:`.sql`: the query as portable SQL, with the store's date window.
"""

from __future__ import annotations

from .spec import PLOVER_TYPES, STATUSES, EventQuery, QueryValueError, check_date, split_types, until_bound
from .sql import END, Compiled, Miss, Schema, compile_events, order_by, partial_sql, schema_of, undated_sql

__all__ = [
    "END",
    "PLOVER_TYPES",
    "STATUSES",
    "Compiled",
    "EventQuery",
    "Miss",
    "QueryValueError",
    "Schema",
    "check_date",
    "compile_events",
    "order_by",
    "partial_sql",
    "schema_of",
    "split_types",
    "undated_sql",
    "until_bound",
]
