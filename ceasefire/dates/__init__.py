"""ceasefire.dates: absolute and relative date expressions resolved to ISO prefixes.

Public surface:

* :class:`ResolvedDate` -- value ("YYYY-MM-DD" / "YYYY-MM" / "YYYY" / None),
  precision (day/month/year/none), text and character offsets.
* :func:`resolve_expression` -- one expression against a publication date and
  the running context, no spaCy needed.
* :class:`DateResolver` -- per article: ``date_for(sentence)``,
  ``dates_in(sentence)``, ``context_before(doc, char)``, ``resolved(doc)``.
* :func:`apply_windows` -- ``date_start``/``date_end`` on an article's events
  (UCDP GED's date window; the rules are in :mod:`ceasefire.dates.window`).
"""

from .resolve import ResolvedDate, is_date_expression, resolve_expression
from .resolver import DateResolver
from .window import Window, apply_windows, event_window, period

__all__ = [
    "DateResolver",
    "ResolvedDate",
    "Window",
    "apply_windows",
    "event_window",
    "is_date_expression",
    "period",
    "resolve_expression",
]
